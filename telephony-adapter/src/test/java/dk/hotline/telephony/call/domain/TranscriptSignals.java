package dk.hotline.telephony.call.domain;

import dk.hotline.telephony.testsupport.Transcript.Block;
import java.util.Optional;

/** Test-side reading of raw AMI blocks as call signals, to run the state machine on the recorded streams. */
public final class TranscriptSignals {

    private TranscriptSignals() {
    }

    public static Optional<CallSignal> of(Block b) {
        String event = b.get("Event");
        if (event == null) {
            return Optional.empty();
        }
        return switch (event) {
            case "Newchannel" -> Optional.of(new CallSignal.ChannelCreated(b.get("Uniqueid"), b.get("Linkedid"),
                    b.get("Channel"), b.get("CallerIDNum")));
            case "VarSet" -> b.get("Variable").startsWith("HOTLINE_")
                    ? Optional.of(new CallSignal.VariableSet(b.get("Uniqueid"), b.get("Linkedid"), b.get("Variable"),
                    b.get("Value")))
                    : Optional.empty();
            case "QueueCallerJoin" -> Optional.of(new CallSignal.QueueJoined(b.get("Uniqueid"), b.get("Linkedid"),
                    b.get("Queue")));
            case "AgentConnect" -> Optional.of(new CallSignal.AgentConnected(b.get("Linkedid"), b.get("Queue"),
                    b.get("Interface"), Long.parseLong(b.get("HoldTime")), b.get("DestChannel")));
            case "AgentComplete" -> Optional.of(new CallSignal.AgentCompleted(b.get("Linkedid"), b.get("Queue"),
                    b.get("Interface"), Long.parseLong(b.get("HoldTime")), Long.parseLong(b.get("TalkTime")),
                    b.get("Reason")));
            case "DialEnd" -> "ANSWER".equals(b.get("DialStatus"))
                    ? Optional.of(new CallSignal.DialAnswered(b.get("Uniqueid"), b.get("Linkedid"), b.get("DestChannel")))
                    : Optional.empty();
            case "QueueCallerAbandon" -> Optional.of(new CallSignal.QueueAbandoned(b.get("Uniqueid"),
                    b.get("Linkedid"), b.get("Queue"), Long.parseLong(b.get("HoldTime"))));
            case "Hangup" -> Optional.of(new CallSignal.ChannelHungUp(b.get("Uniqueid"), b.get("Linkedid")));
            case "CoreShowChannel" -> Optional.of(new CallSignal.ChannelSnapshot(b.get("Uniqueid"), b.get("Linkedid"),
                    b.get("Channel"), b.get("Application"), b.get("BridgeId")));
            default -> Optional.empty();
        };
    }
}
