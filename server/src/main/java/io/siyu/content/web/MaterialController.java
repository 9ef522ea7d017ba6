package io.siyu.content.web;

import io.siyu.access.Permission;
import io.siyu.content.FileInfo;
import io.siyu.content.Material;
import io.siyu.content.MaterialFiles;
import io.siyu.content.MaterialInput;
import io.siyu.content.Materials;
import io.siyu.shared.CursorPage;
import io.siyu.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@PreAuthorize("hasAuthority('" + Permission.CONTENT_READ + "')")
class MaterialController {

    record GroupBody(@Nullable String name) {}

    private final Materials materials;
    private final MaterialFiles files;

    MaterialController(Materials materials, MaterialFiles files) {
        this.materials = materials;
        this.files = files;
    }

    @GetMapping("/api/v1/materials")
    @Operation(
            summary =
                    "Materials, newest first, by kind, group (0: in no group) and words in title, description or tags")
    CursorPage<Material> list(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable Long groupId,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return materials.list(kind, groupId, q, PageRequest.of(limit, cursor));
    }

    @GetMapping("/api/v1/materials/kinds")
    @Operation(summary = "How many materials of each kind match the group and words")
    Map<String, Long> kinds(
            @RequestParam(required = false) @Nullable Long groupId,
            @RequestParam(required = false) @Nullable String q) {
        return materials.kinds(groupId, q);
    }

    @GetMapping("/api/v1/materials/{id}")
    Material get(@PathVariable long id) {
        return materials.get(id);
    }

    @PostMapping("/api/v1/materials")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    @Operation(
            summary = "Add a material: {kind, title, description?, groupId?, tags?, url?, body?, appId?, page?,"
                    + " fileId?, coverId?}; what each kind needs is in docs/api.md, Materials and scripts")
    Material create(@RequestBody MaterialInput body) {
        return materials.create(body);
    }

    @PatchMapping("/api/v1/materials/{id}")
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    @Operation(
            summary =
                    "Change a material; absent fields stay, clear: [description, url, body, cover, group, tags] empties them")
    Material update(@PathVariable long id, @RequestBody MaterialInput body) {
        return materials.update(id, body);
    }

    @DeleteMapping("/api/v1/materials/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    @Operation(summary = "Delete a material; scripts that carried it lose it")
    void delete(@PathVariable long id) {
        materials.delete(id);
    }

    @PostMapping("/api/v1/materials/{id}/used")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Count a use (a staff member sent or copied it)")
    void used(@PathVariable long id) {
        materials.used(id);
    }

    @PostMapping(path = "/api/v1/material-files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    @Operation(
            summary = "Upload a file (multipart field file): JPG, PNG or GIF images and MP4 videos up to 10 MB, other"
                    + " files up to 20 MB (WeCom's media limits); the type is read from the bytes")
    FileInfo upload(@RequestPart("file") MultipartFile file) {
        try (var in = file.getInputStream()) {
            return files.upload(file.getOriginalFilename(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/material-files/{id}")
    @Operation(
            summary =
                    "The file's bytes: images and videos inline (or with download=true as an attachment), other files as attachments")
    ResponseEntity<byte[]> file(@PathVariable long id, @RequestParam(defaultValue = "false") boolean download) {
        var content = files.content(id);
        var info = content.info();
        boolean inline = !download && (info.image() || info.contentType().equals("video/mp4"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(info.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePrivate())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                                .filename(info.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    @GetMapping("/api/v1/material-groups")
    @Operation(
            summary =
                    "Material groups with their counts, and how many materials are in none ({groups, ungrouped, total})")
    Materials.Groups groups() {
        return materials.groups();
    }

    @PostMapping("/api/v1/material-groups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    Materials.Group createGroup(@RequestBody GroupBody body) {
        return materials.createGroup(body.name());
    }

    @PatchMapping("/api/v1/material-groups/{id}")
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    Materials.Group renameGroup(@PathVariable long id, @RequestBody GroupBody body) {
        return materials.renameGroup(id, body.name());
    }

    @DeleteMapping("/api/v1/material-groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('" + Permission.CONTENT_WRITE + "')")
    @Operation(summary = "Delete a group; its materials stay, in no group")
    void deleteGroup(@PathVariable long id) {
        materials.deleteGroup(id);
    }
}
