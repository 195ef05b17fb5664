package dk.hotline.telephony.presence.domain;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Outbound port: carries queue membership commands to the PBX; completes with whether all were accepted. */
public interface QueueCommandSender {

    CompletionStage<Boolean> queueCommands(List<QueueCommand> commands);
}
