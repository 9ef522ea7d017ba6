package io.siyu.shared;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gathers what a transaction changes into one buffer per owner and hands the buffer on once, after the
 * transaction commits (nothing when it rolls back; at once when no transaction is active). Observers of
 * committed changes (the segment index) use it so that they never see a change that did not happen.
 */
public final class AfterCommit {

    private AfterCommit() {}

    /**
     * @param owner identifies the buffer within the transaction (usually the collecting bean)
     * @param fresh makes an empty buffer
     * @param fill adds this change to the buffer
     * @param committed receives the buffer after commit; it runs in no transaction
     */
    public static <T> void collect(Object owner, Supplier<T> fresh, Consumer<T> fill, Consumer<T> committed) {
        collect(owner, fresh, fill, buffer -> {}, committed);
    }

    /**
     * As {@link #collect(Object, Supplier, Consumer, Consumer)}, and the buffer is also handed to
     * {@code committing} inside the transaction just before it commits, so that what it writes (an outbox row)
     * commits with the changes or not at all.
     */
    public static <T> void collect(
            Object owner, Supplier<T> fresh, Consumer<T> fill, Consumer<T> committing, Consumer<T> committed) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            var buffer = fresh.get();
            fill.accept(buffer);
            committing.accept(buffer);
            committed.accept(buffer);
            return;
        }
        @SuppressWarnings("unchecked")
        var buffer = (T) TransactionSynchronizationManager.getResource(owner);
        if (buffer == null) {
            var created = fresh.get();
            TransactionSynchronizationManager.bindResource(owner, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    committing.accept(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                    if (status == STATUS_COMMITTED) {
                        committed.accept(created);
                    }
                }
            });
            buffer = created;
        }
        fill.accept(buffer);
    }
}
