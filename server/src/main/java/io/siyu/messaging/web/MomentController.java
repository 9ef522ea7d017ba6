package io.siyu.messaging.web;

import io.siyu.access.Permission;
import io.siyu.messaging.MomentTasks;
import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('" + Permission.MESSAGING_READ + "')")
class MomentController {

    private final MomentTasks moments;

    MomentController(MomentTasks moments) {
        this.moments = moments;
    }

    @GetMapping("/api/v1/moments")
    @Operation(summary = "客户朋友圈 tasks, newest first, with staff asked, published and customers reached")
    CursorPage<MomentTasks.Moment> list(
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return moments.list(PageRequest.of(limit, cursor));
    }

    @PostMapping("/api/v1/moments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.MESSAGING_SEND + "')")
    @Operation(
            summary = "Schedule a 客户朋友圈 task: {appId, name, text (≤ 2,000 characters), materialIds (≤ 9 images, or"
                    + " a video, or a link with a cover), staff? (who publishes), tagIds? (who sees it), sendAt?}")
    MomentTasks.Moment create(@RequestBody MomentTasks.Input body) {
        return moments.create(body);
    }

    @GetMapping("/api/v1/moments/{id}")
    @Operation(summary = "A 客户朋友圈 task with each staff member asked: published yet, and customers reached")
    MomentTasks.Detail get(@PathVariable long id) {
        return moments.detail(id);
    }

    @PostMapping("/api/v1/moments/{id}/cancel")
    @PreAuthorize("hasAuthority('" + Permission.MESSAGING_SEND + "')")
    @Operation(summary = "Cancel: staff who have not published are no longer asked to (cancel_moment_task)")
    MomentTasks.Moment cancel(@PathVariable long id) {
        return moments.cancel(id);
    }
}
