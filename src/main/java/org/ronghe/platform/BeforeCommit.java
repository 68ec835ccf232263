package org.ronghe.platform;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a transaction collects as it goes and writes once, just before it commits: rows written last stay
 * locked for the commit only. One collection per owner and transaction.
 */
public final class BeforeCommit {

    /** The call tallies: just before the audit seal. */
    public static final int TALLIES = Ordered.LOWEST_PRECEDENCE - 1;
    /** The audit seal: last, so that the chain's head row is locked for as short a time as possible. */
    public static final int SEAL = Ordered.LOWEST_PRECEDENCE;

    private BeforeCommit() {
    }

    /**
     * This transaction's collection for {@code owner}, created and registered on first use; {@code write} gets it
     * just before the commit. Call only inside an active, synchronised transaction.
     */
    @SuppressWarnings("unchecked")
    public static <T> T collection(Object owner, int order, Supplier<T> create, Consumer<T> write) {
        Object bound = TransactionSynchronizationManager.getResource(owner);
        if (bound != null) {
            return (T) bound;
        }
        T collected = create.get();
        TransactionSynchronizationManager.bindResource(owner, collected);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                write.accept(collected);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(owner);
            }

            @Override
            public int getOrder() {
                return order;
            }
        });
        return collected;
    }
}
