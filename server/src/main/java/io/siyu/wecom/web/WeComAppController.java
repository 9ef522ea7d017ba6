package io.siyu.wecom.web;

import io.siyu.access.Permission;
import io.siyu.wecom.WeComApp;
import io.siyu.wecom.WeComAppManagement;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Connected WeCom apps; the secret goes in and never comes back out. */
@RestController
class WeComAppController {

    record AppView(
            long id,
            String name,
            String corpId,
            String agentId,
            String token,
            String encodingAesKey,
            String callbackPath,
            String apiBaseUrl) {}

    private final WeComAppManagement apps;

    WeComAppController(WeComAppManagement apps) {
        this.apps = apps;
    }

    @GetMapping("/api/v1/wecom/apps")
    @PreAuthorize("hasAuthority('" + Permission.WECOM_MANAGE + "')")
    @Operation(summary = "The connected WeCom apps, each with the callback path and Token / EncodingAESKey for WeCom")
    List<AppView> list() {
        return apps.apps().stream().map(WeComAppController::view).toList();
    }

    /** What someone working with live codes or handovers needs to know of an app: which one it is. */
    record AppOption(long id, String name, String corpId) {}

    @GetMapping("/api/v1/wecom/app-options")
    @PreAuthorize("hasAnyAuthority('" + Permission.LIVE_CODES_READ + "', '" + Permission.WECOM_HANDOVER + "', '"
            + Permission.WECOM_MANAGE + "')")
    @Operation(summary = "The connected apps by id, name and corp id (no secrets, no callback settings)")
    List<AppOption> options() {
        return apps.apps().stream()
                .map(app -> new AppOption(app.id(), app.name(), app.corpId()))
                .toList();
    }

    @GetMapping("/api/v1/wecom/apps/{id}")
    @PreAuthorize("hasAuthority('" + Permission.WECOM_MANAGE + "')")
    AppView get(@PathVariable long id) {
        return view(apps.app(id));
    }

    @PostMapping("/api/v1/wecom/apps")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.WECOM_MANAGE + "')")
    @Operation(
            summary = "Connect a self-built app: {name, corpId, agentId, secret, token?, encodingAesKey?, apiBaseUrl?};"
                    + " a missing Token or EncodingAESKey is generated, to be pasted into WeCom's callback settings")
    AppView connect(@RequestBody WeComAppManagement.AppInput body) {
        return view(apps.connect(body));
    }

    @PatchMapping("/api/v1/wecom/apps/{id}")
    @PreAuthorize("hasAuthority('" + Permission.WECOM_MANAGE + "')")
    @Operation(summary = "Change an app's name, secret, Token, EncodingAESKey or API base URL (corp and agent stay)")
    AppView update(@PathVariable long id, @RequestBody WeComAppManagement.AppInput body) {
        return view(apps.update(id, body));
    }

    record CheckView(
            boolean ok,
            @org.jspecify.annotations.Nullable String name,
            @org.jspecify.annotations.Nullable Integer errcode,
            @org.jspecify.annotations.Nullable String error) {}

    @PostMapping("/api/v1/wecom/apps/{id}/check")
    @PreAuthorize("hasAuthority('" + Permission.WECOM_MANAGE + "')")
    @Operation(
            summary = "Test the connection: fetches a token with the secret and reads the app from WeCom; answers"
                    + " ok and the app's name, or WeCom's errcode and message")
    CheckView check(@PathVariable long id) {
        try {
            return new CheckView(true, apps.check(id).name(), null, null);
        } catch (io.siyu.wecom.WeComApiException e) {
            return new CheckView(false, null, e.errcode(), e.getMessage());
        }
    }

    @DeleteMapping("/api/v1/wecom/apps/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.WECOM_MANAGE + "')")
    void disconnect(@PathVariable long id) {
        apps.disconnect(id);
    }

    private static AppView view(WeComApp app) {
        return new AppView(
                app.id(),
                app.name(),
                app.corpId(),
                app.agentId(),
                app.token(),
                app.encodingAesKey(),
                app.callbackPath(),
                app.apiBaseUrl() == null ? "https://qyapi.weixin.qq.com" : app.apiBaseUrl());
    }
}
