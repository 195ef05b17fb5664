package dk.hotline.telephony.ami;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code BlindTransfer} (Asterisk 12+; Asterisk-Java has no class for it): the party bridged with
 * {@code Channel} is sent to {@code Context}/{@code Exten}, and Asterisk reports it as a transfer by that channel
 * ({@code BlindTransfer} event, {@code AgentComplete Reason: transfer}). Needs the manager user's write class
 * {@code call}. Public with getters: Asterisk-Java writes an action's headers from its getters.
 */
public final class BlindTransferAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String channel;
    private final String context;
    private final String exten;

    public BlindTransferAction(String channel, String context, String exten) {
        this.channel = channel;
        this.context = context;
        this.exten = exten;
    }

    @Override
    public String getAction() {
        return "BlindTransfer";
    }

    public String getChannel() {
        return channel;
    }

    public String getContext() {
        return context;
    }

    public String getExten() {
        return exten;
    }
}
