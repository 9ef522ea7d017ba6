package io.siyu.access.web;

import io.siyu.access.ApiKeys;
import io.siyu.access.Permission;
import io.siyu.access.web.AccessDtos.ApiKeyView;
import io.siyu.access.web.AccessDtos.CreatedApiKeyView;
import io.siyu.access.web.AccessDtos.NewApiKey;
import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys")
@PreAuthorize("hasAuthority('" + Permission.API_KEYS_MANAGE + "')")
class ApiKeyController {

    private final ApiKeys apiKeys;

    ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping
    @Operation(summary = "List API keys (never their secrets)")
    CursorPage<ApiKeyView> list(
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        var page = apiKeys.list(PageRequest.of(limit, cursor));
        return new CursorPage<>(page.items().stream().map(ApiKeyView::of).toList(), page.nextCursor());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API key; the response is the only time the key is shown")
    CreatedApiKeyView create(@Valid @RequestBody NewApiKey body) {
        return CreatedApiKeyView.of(apiKeys.create(body.name(), AccessDtos.role(body.role())));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key; it stops working at once")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        apiKeys.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
