package org.ronghe.calls;

/** Published when a unit reports a directive completed: how many of its units have, of how many. */
public record DirectiveChanged(long directiveId, long units, long completed) {
}
