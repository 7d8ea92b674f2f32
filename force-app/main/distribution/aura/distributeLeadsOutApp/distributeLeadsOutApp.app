<aura:application access="GLOBAL" extends="ltng:outApp" description="Lightning Out host of c:distributeLeads for the Visualforce page DistributeLeads (list view button).">
    <aura:dependency resource="c:distributeLeads" />
</aura:application>
