package dk.hotline.telephony.ami;

import dk.hotline.telephony.presence.domain.QueueCommand;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.jboss.logging.Logger;

/**
 * Sends queue membership commands as AMI actions. Blocking (each waits for Asterisk's response): call it on the
 * supervisor thread only, never on the event pump. Logs endpoints and queues only (never a person).
 */
final class AmiQueueCommands {

    private static final Logger LOG = Logger.getLogger(AmiQueueCommands.class);

    private AmiQueueCommands() {
    }

    static List<ManagerAction> actions(QueueCommand command) {
        List<ManagerAction> actions = new ArrayList<>();
        if (command instanceof QueueCommand.Add add) {
            QueueAddAction a = new QueueAddAction(add.queue(), add.memberInterface(), 0);
            a.setMemberName(add.memberName());
            a.setStateInterface(add.memberInterface());
            a.setPaused(add.paused());
            actions.add(a);
            if (add.paused()) {
                a.setReason(add.reason());
                // QueueMemberAdded does not carry the reason: the pause that follows makes it visible to QueueStatus.
                actions.add(pause(add.queue(), add.memberInterface(), true, add.reason()));
            }
        } else if (command instanceof QueueCommand.Remove remove) {
            actions.add(new QueueRemoveAction(remove.queue(), remove.memberInterface()));
        } else if (command instanceof QueueCommand.Pause p) {
            actions.add(pause(p.queue(), p.memberInterface(), p.paused(), p.reason()));
        }
        return actions;
    }

    private static QueuePauseAction pause(String queue, String memberInterface, boolean paused, String reason) {
        QueuePauseAction a = new QueuePauseAction(memberInterface, queue, paused);
        if (paused && reason != null) {
            a.setReason(reason);
        }
        return a;
    }

    /** Sends every command; true when Asterisk accepted all of them. */
    static boolean send(ManagerConnection c, List<QueueCommand> commands, long timeoutMillis) {
        boolean all = true;
        for (QueueCommand command : commands) {
            for (ManagerAction action : actions(command)) {
                try {
                    ManagerResponse r = c.sendAction(action, timeoutMillis);
                    if (r == null || "Error".equalsIgnoreCase(r.getResponse())) {
                        all = false;
                        LOG.warnf("AMI %s %s in %s refused: %s", action.getAction(), command.memberInterface(),
                                command.queue(), r == null ? "no response" : r.getMessage());
                    }
                } catch (Exception e) {
                    all = false;
                    LOG.warnf("AMI %s %s in %s failed: %s", action.getAction(), command.memberInterface(),
                            command.queue(), e.getMessage());
                }
            }
        }
        return all;
    }
}
