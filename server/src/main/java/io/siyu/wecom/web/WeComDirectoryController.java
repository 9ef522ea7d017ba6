package io.siyu.wecom.web;

import io.siyu.access.Permission;
import io.siyu.wecom.WeComDirectory;
import io.siyu.wecom.WeComSync;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The corp's staff as last synced, and the syncs themselves. */
@RestController
class WeComDirectoryController {

    private final WeComDirectory directory;
    private final WeComSync sync;

    WeComDirectoryController(WeComDirectory directory, WeComSync sync) {
        this.directory = directory;
        this.sync = sync;
    }

    @GetMapping("/api/v1/wecom/apps/{id}/staff")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(summary = "The app's staff from the last sync: userId, name, departments, contactEnabled, customers")
    List<WeComDirectory.Staff> staff(@PathVariable long id) {
        return directory.staff(id);
    }

    @PostMapping("/api/v1/wecom/apps/{id}/sync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAuthority('" + Permission.WECOM_MANAGE + "')")
    @Operation(summary = "Start a full reconcile of the app's directory and contacts with WeCom (409 while one runs)")
    WeComSync.Run startSync(@PathVariable long id) {
        return sync.start(id, "manual");
    }

    @GetMapping("/api/v1/wecom/apps/{id}/sync")
    @PreAuthorize("hasAuthority('" + Permission.LIVE_CODES_READ + "')")
    @Operation(summary = "The app's last 20 syncs, newest first, with progress and what each changed")
    List<WeComSync.Run> syncs(@PathVariable long id) {
        return sync.runs(id);
    }
}
