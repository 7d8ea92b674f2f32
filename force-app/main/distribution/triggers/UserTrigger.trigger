trigger UserTrigger on User(after insert, after update) {
    PartnerQueueSync.onUsersChanged(Trigger.new, Trigger.oldMap);
}
