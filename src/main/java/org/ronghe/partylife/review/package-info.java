/**
 * Democratic review of members (民主评议党员): a review per party organisation and year, self-reviews and peer
 * reviews, a secret vote (ballots on the phone or a paper count), the branch's decision with the 优秀 cap, and each
 * graded member's record beside the vote. See {@code docs/partylife.md}, "Democratic review".
 */
package org.ronghe.partylife.review;
