package io.siyu.wecom.web;

import io.siyu.access.Permission;
import io.siyu.wecom.WeComBehaviour;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** WeCom's 联系客户统计 of an app's staff, fetched now rather than at the next check. */
@RestController
class WeComBehaviourController {

    private final WeComBehaviour behaviour;

    WeComBehaviourController(WeComBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    @PostMapping("/api/v1/wecom/apps/{id}/behavior/sync")
    @PreAuthorize("hasAuthority('" + Permission.WECOM_MANAGE + "')")
    @Operation(
            summary = "Fetch 联系客户统计 (get_user_behavior_data) for every contact-enabled staff member now, one"
                    + " member per call: the last 30 days the first time, then the days since and the last two again;"
                    + " answers {staff, calls, days, failed: [userid]} (502 when WeCom refuses the app)")
    WeComBehaviour.SyncResult sync(@PathVariable long id) {
        return behaviour.sync(id);
    }
}
