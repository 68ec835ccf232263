package org.ronghe.calls;

import java.time.Instant;

/**
 * The instants that govern one dispatch of a call, computed on the working calendar from the
 * category's time limits.
 *
 * @param urgeAt          80 % of the reply time
 * @param escalateAgainAt one working day after the reply deadline
 */
public record Deadlines(Instant acceptBy, Instant replyBy, Instant urgeAt, Instant escalateAgainAt) {
}
