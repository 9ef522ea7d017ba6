/**
 * Growth: 任务宝 (task fission) campaigns — participants share their own live code, friends who add a staff member
 * through it are invites, held for a window against add-then-delete, then counted; each stage reached grants its
 * reward once, within its stock. Also 拼团 (group buying) and 分销 (two-level distribution: commission on paid
 * orders, held through the refund window, clawed back on refund, withdrawn with approval, on a ledger).
 */
@ApplicationModule(
        displayName = "Growth",
        allowedDependencies = {
            "shared",
            "access",
            "customer",
            "event",
            "wecom",
            "loyalty",
            "tagging",
            "commerce",
            "messaging"
        })
@NullMarked
package io.siyu.growth;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
