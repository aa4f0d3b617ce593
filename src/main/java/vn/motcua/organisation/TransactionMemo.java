package vn.motcua.organisation;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction has already read, kept until it ends: bound to the transaction like its
 * connection, set aside while an inner transaction of its own runs (REQUIRES_NEW), and gone at
 * commit or rollback. Outside a transaction there is none, and every read goes to the database.
 */
final class TransactionMemo {

    private TransactionMemo() {
    }

    /** The current transaction's map under {@code key}, or null outside a transaction. */
    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> of(Object key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return null;
        Map<K, V> memo = (Map<K, V>) TransactionSynchronizationManager.getResource(key);
        if (memo == null) {
            Map<K, V> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(key, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(key, fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            memo = fresh;
        }
        return memo;
    }
}
