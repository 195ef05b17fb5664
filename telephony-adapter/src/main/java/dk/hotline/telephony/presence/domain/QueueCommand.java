package dk.hotline.telephony.presence.domain;

/** One change to Asterisk's queue membership, as AMI carries it (QueueAdd, QueueRemove, QueuePause). */
public sealed interface QueueCommand {

    String queue();

    String memberInterface();

    /** A dynamic member, added paused or not (one action, so it is never briefly offered calls). */
    record Add(String queue, String memberInterface, String memberName, boolean paused, String reason)
            implements QueueCommand {
    }

    record Remove(String queue, String memberInterface) implements QueueCommand {
    }

    /** Pause with a reason, or unpause ({@code paused=false}, no reason): AMI has no QueueUnpause. */
    record Pause(String queue, String memberInterface, boolean paused, String reason) implements QueueCommand {
    }
}
