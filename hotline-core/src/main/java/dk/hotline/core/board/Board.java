package dk.hotline.core.board;

import dk.hotline.core.callback.CallbackFigures;

import java.time.Instant;
import java.util.List;

/**
 * The supervisor board at one instant. A part another service could not give is null ("unknown" on the screen),
 * never a guess: {@code queues} when the telephony adapter did not answer, {@code deadLetters} (routing's webhook deliveries given up) when routing did not. {@code eventDeadLetters}: the
 * records core's own consumers sent to a dead-letter topic. {@code callbacks}: today's callbacks, counts only.
 */
public record Board(Instant at, TelephonyQueues queues, List<BoardFigures.CallsToday> callsToday, long answeredToday,
                    long abandonedToday, int unloggedCalls, List<BoardFigures.OpenReferral> referrals,
                    long referralsOverdue, long referralsDueSoon, Integer deadLetters,
                    long eventDeadLetters, CallbackFigures.CallbacksToday callbacks) {
}
