package dk.hotline.telephony.ami;

import dk.hotline.telephony.call.domain.CallSignal;
import java.util.List;
import java.util.Optional;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueStatusCompleteEvent;
import org.asteriskjava.manager.event.VarSetEvent;

/** Maps Asterisk-Java's typed AMI events to the plain call signals of the domain. */
public final class AmiEventMapper {

    /**
     * The event classes we use, registered explicitly on every connection. Asterisk-Java discovers its event classes
     * by classpath scanning (Reflections), which can find nothing inside a packaged or class-loader-isolated
     * application (asterisk-java issue #318); unknown events are then silently dropped. Registering them makes
     * discovery irrelevant.
     */
    public static final List<Class<? extends ManagerEvent>> EVENT_CLASSES = List.of(
            NewChannelEvent.class, VarSetEvent.class, HangupEvent.class,
            QueueCallerJoinEvent.class, QueueCallerLeaveEvent.class, QueueCallerAbandonEvent.class,
            AgentCalledEvent.class, AgentConnectEvent.class, AgentCompleteEvent.class, AgentRingNoAnswerEvent.class,
            QueueMemberStatusEvent.class, QueueMemberAddedEvent.class, QueueMemberRemovedEvent.class,
            QueueMemberPauseEvent.class, QueueMemberEvent.class, QueueEntryEvent.class, QueueParamsEvent.class,
            QueueStatusCompleteEvent.class, CoreShowChannelEvent.class, CoreShowChannelsCompleteEvent.class,
            ConnectEvent.class, DisconnectEvent.class, OriginateResponseEvent.class, DialEndEvent.class);

    private AmiEventMapper() {
    }

    /** The signal of an event, or empty when the event does not concern calls or lacks the ids it must carry. */
    public static Optional<CallSignal> toSignal(ManagerEvent event) {
        Optional<CallSignal> signal = map(event);
        return signal.filter(AmiEventMapper::hasIds);
    }

    private static boolean hasIds(CallSignal signal) {
        if (signal instanceof CallSignal.ChannelCreated s) {
            return s.uniqueId() != null;
        }
        if (signal instanceof CallSignal.VariableSet s) {
            return s.uniqueId() != null;
        }
        if (signal instanceof CallSignal.QueueJoined s) {
            return s.uniqueId() != null && s.queue() != null;
        }
        if (signal instanceof CallSignal.AgentConnected s) {
            return s.linkedId() != null;
        }
        if (signal instanceof CallSignal.AgentCompleted s) {
            return s.linkedId() != null;
        }
        if (signal instanceof CallSignal.DialAnswered s) {
            return s.uniqueId() != null && s.destChannel() != null;
        }
        if (signal instanceof CallSignal.QueueAbandoned s) {
            return s.uniqueId() != null;
        }
        if (signal instanceof CallSignal.ChannelHungUp s) {
            return s.uniqueId() != null;
        }
        return true;
    }

    private static Optional<CallSignal> map(ManagerEvent event) {
        if (event instanceof NewChannelEvent e) {
            return Optional.of(new CallSignal.ChannelCreated(e.getUniqueId(), linked(e.getLinkedid(), e.getUniqueId()),
                    e.getChannel(), e.getCallerIdNum()));
        }
        if (event instanceof VarSetEvent e) {
            if (e.getVariable() == null || !e.getVariable().startsWith("HOTLINE_") || e.getUniqueId() == null) {
                return Optional.empty();
            }
            return Optional.of(new CallSignal.VariableSet(e.getUniqueId(), linked(e.getLinkedId(), e.getUniqueId()),
                    e.getVariable(), e.getValue() == null ? "" : e.getValue()));
        }
        if (event instanceof QueueCallerJoinEvent e) {
            return Optional.of(new CallSignal.QueueJoined(e.getUniqueId(), linked(e.getLinkedId(), e.getUniqueId()),
                    e.getQueue()));
        }
        if (event instanceof AgentConnectEvent e) {
            return Optional.of(new CallSignal.AgentConnected(linked(e.getLinkedId(), e.getUniqueId()), e.getQueue(),
                    e.getInterface(), orZero(e.getHoldTime()), e.getDestChannel()));
        }
        if (event instanceof AgentCompleteEvent e) {
            return Optional.of(new CallSignal.AgentCompleted(linked(e.getLinkedId(), e.getUniqueId()), e.getQueue(),
                    e.getInterface(), orZero(e.getHoldTime()), orZero(e.getTalkTime()), e.getReason()));
        }
        if (event instanceof DialEndEvent e) {
            return "ANSWER".equals(e.getDialStatus())
                    ? Optional.of(new CallSignal.DialAnswered(e.getUniqueId(), linked(e.getLinkedId(), e.getUniqueId()),
                    e.getDestChannel()))
                    : Optional.empty();
        }
        if (event instanceof QueueCallerAbandonEvent e) {
            return Optional.of(new CallSignal.QueueAbandoned(e.getUniqueId(), linked(e.getLinkedId(), e.getUniqueId()),
                    e.getQueue(), e.getHoldTime() == null ? 0 : e.getHoldTime()));
        }
        if (event instanceof HangupEvent e) {
            return Optional.of(new CallSignal.ChannelHungUp(e.getUniqueId(), linked(e.getLinkedId(), e.getUniqueId())));
        }
        return Optional.empty();
    }

    static CallSignal.ChannelSnapshot toSnapshot(CoreShowChannelEvent e) {
        return new CallSignal.ChannelSnapshot(e.getUniqueid(), linked(e.getLinkedid(), e.getUniqueid()),
                e.getChannel(), e.getApplication(), e.getBridgeid());
    }

    private static String linked(String linkedId, String uniqueId) {
        return linkedId == null || linkedId.isEmpty() ? uniqueId : linkedId;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
