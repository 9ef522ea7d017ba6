package io.siyu.wecom;

import java.util.function.Supplier;

/**
 * Marks work that applies what WeCom reported (a callback, a reconcile): the tag changes it makes in Siyu
 * are WeCom's own and must not be mirrored back to WeCom as if an operator had made them. Held for the
 * thread, across the transaction and its after-commit observers.
 */
final class FromWeCom {

    private static final ThreadLocal<Boolean> APPLYING = ThreadLocal.withInitial(() -> false);

    private FromWeCom() {}

    static boolean applying() {
        return APPLYING.get();
    }

    static <T> T apply(Supplier<T> work) {
        boolean outer = APPLYING.get();
        APPLYING.set(true);
        try {
            return work.get();
        } finally {
            APPLYING.set(outer);
        }
    }

    static void run(Runnable work) {
        apply(() -> {
            work.run();
            return null;
        });
    }
}
