package io.siyu.content.web;

import io.siyu.content.ArticlePages;
import io.siyu.content.MaterialFiles;
import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Articles written in Siyu as customers open them: public pages, found by their random token. */
@RestController
class ArticlePageController {

    private final ArticlePages pages;
    private final MaterialFiles files;

    ArticlePageController(ArticlePages pages, MaterialFiles files) {
        this.pages = pages;
        this.files = files;
    }

    @GetMapping(path = "/h5/{tenant}/articles/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("permitAll()") // customers open it from WeCom, without a login; the token is the key
    @Operation(summary = "An article's H5 page (HTML); 404 with a short page for an unknown address")
    ResponseEntity<String> page(@PathVariable long tenant, @PathVariable String token) {
        return pages.open(tenant, token)
                .map(article -> ResponseEntity.ok()
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                        .body(pages.html(article, token + "/cover")))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                        .body(ArticlePages.missing()));
    }

    @GetMapping("/h5/{tenant}/articles/{token}/cover")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The cover image of an article's H5 page")
    ResponseEntity<byte[]> cover(@PathVariable long tenant, @PathVariable String token) {
        var cover = pages.open(tenant, token).flatMap(a -> java.util.Optional.ofNullable(a.cover()));
        if (cover.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        var content = Tenancy.callAs(
                new TenantId(tenant), () -> files.content(cover.get().id()));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .contentType(MediaType.parseMediaType(content.info().contentType()))
                .body(content.bytes());
    }
}
