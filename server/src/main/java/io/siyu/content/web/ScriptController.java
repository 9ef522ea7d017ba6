package io.siyu.content.web;

import io.siyu.access.Permission;
import io.siyu.content.Script;
import io.siyu.content.Scripts;
import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAuthority('" + Permission.CONTENT_READ + "')")
class ScriptController {

    record GroupBody(@Nullable String name, @Nullable Integer position) {}

    private final Scripts scripts;

    ScriptController(Scripts scripts) {
        this.scripts = scripts;
    }

    @GetMapping("/api/v1/scripts")
    @Operation(summary = "Scripts (话术), newest first, by group and words in title, content or keywords")
    CursorPage<Script> list(
            @RequestParam(required = false) @Nullable Long groupId,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return scripts.list(groupId, q, PageRequest.of(limit, cursor));
    }

    @GetMapping("/api/v1/scripts/{id}")
    Script get(@PathVariable long id) {
        return scripts.get(id);
    }

    @PostMapping("/api/v1/scripts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    @Operation(summary = "Add a script: {groupId, title, content (≤ 2000), keywords? (≤ 10), materialIds? (≤ 9)}")
    Script create(@RequestBody Scripts.Input body) {
        return scripts.create(body);
    }

    @PatchMapping("/api/v1/scripts/{id}")
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    @Operation(summary = "Change a script; absent fields stay, keywords and materialIds when given replace the old")
    Script update(@PathVariable long id, @RequestBody Scripts.Input body) {
        return scripts.update(id, body);
    }

    @DeleteMapping("/api/v1/scripts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    void delete(@PathVariable long id) {
        scripts.delete(id);
    }

    @PostMapping("/api/v1/scripts/{id}/used")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Count a use (a staff member copied or sent it)")
    void used(@PathVariable long id) {
        scripts.used(id);
    }

    @GetMapping("/api/v1/script-groups")
    @Operation(summary = "Script groups in order, with how many scripts each holds")
    List<Scripts.Group> groups() {
        return scripts.groups();
    }

    @PostMapping("/api/v1/script-groups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    Scripts.Group createGroup(@RequestBody GroupBody body) {
        return scripts.createGroup(body.name());
    }

    @PatchMapping("/api/v1/script-groups/{id}")
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    @Operation(summary = "Rename a group and/or move it to position (0 first)")
    Scripts.Group updateGroup(@PathVariable long id, @RequestBody GroupBody body) {
        return scripts.updateGroup(id, body.name(), body.position());
    }

    @DeleteMapping("/api/v1/script-groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    @Operation(summary = "Delete an empty group (409 while it holds scripts)")
    void deleteGroup(@PathVariable long id) {
        scripts.deleteGroup(id);
    }
}
