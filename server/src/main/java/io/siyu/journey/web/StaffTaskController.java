package io.siyu.journey.web;

import io.siyu.access.Permission;
import io.siyu.journey.StaffTasks;
import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('" + Permission.TASKS_READ + "')")
class StaffTaskController {

    private final StaffTasks tasks;

    StaffTaskController(StaffTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/api/v1/staff-tasks")
    @Operation(summary = "Tasks journeys gave staff members, newest first; staff see those of their own customers")
    CursorPage<StaffTasks.Task> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String userId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return tasks.list(status, userId, PageRequest.of(limit, cursor));
    }

    @PostMapping("/api/v1/staff-tasks/{id}/done")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark a task done")
    void done(@PathVariable long id) {
        tasks.done(id);
    }
}
