/** lightning/confirm: answers with the state's `confirm` value instead of opening a dialog. */
import { currentState, platformLog } from './runtime';

export default class LightningConfirm {
    static open(config: { message?: string; label?: string }): Promise<boolean> {
        platformLog.push(`confirm ${config.label ?? ''}: ${config.message ?? ''}`);
        return Promise.resolve(currentState.confirm);
    }
}
