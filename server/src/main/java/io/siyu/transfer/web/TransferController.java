package io.siyu.transfer.web;

import io.siyu.access.Actor;
import io.siyu.access.Permission;
import io.siyu.customer.Cities;
import io.siyu.customer.CustomerQuery;
import io.siyu.customer.CustomerScope;
import io.siyu.customer.Gender;
import io.siyu.segment.SegmentManagement;
import io.siyu.shared.CursorPage;
import io.siyu.shared.DomainException;
import io.siyu.shared.FieldProblem;
import io.siyu.shared.PageRequest;
import io.siyu.shared.problem.Problems;
import io.siyu.transfer.Entity;
import io.siyu.transfer.ExportJobs;
import io.siyu.transfer.ImportJobs;
import io.siyu.transfer.Job;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Import and export")
class TransferController {

    record MappingRequest(@Nullable Map<String, String> mapping) {}

    record RowView(long row, String status, @Nullable List<Map<String, String>> errors) {}

    record DryRunResponse(int accepted, int rejected, List<RowView> rows) {}

    record ExportRequest(
            @Nullable String format,
            @Nullable String q,
            @Nullable String gender,
            @Nullable String city,
            @Nullable Long ownerId,
            @Nullable String sourceChannel,
            @Nullable Integer memberLevel,
            @Nullable Map<String, String> attributes,
            @Nullable Long segmentId) {}

    private final ImportJobs imports;
    private final ExportJobs exports;
    private final Problems problems;

    private final SegmentManagement segments;

    TransferController(ImportJobs imports, ExportJobs exports, Problems problems, SegmentManagement segments) {
        this.segments = segments;
        this.imports = imports;
        this.exports = exports;
        this.problems = problems;
    }

    @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('" + Permission.DATA_TRANSFER + "')")
    @Operation(
            summary = "Upload a CSV (UTF-8 or GBK) or XLSX file of customers, orders or events (at most"
                    + " SIYU_MAX_UPLOAD_BYTES, 50 MiB by default); answers the header, the first rows and a suggested"
                    + " mapping from columns to fields. Nothing is imported yet.")
    ImportJobs.Preview upload(@RequestPart("file") MultipartFile file, @RequestParam String entity) {
        var kind = Entity.fromCode(entity)
                .orElseThrow(() -> new DomainException(
                        HttpStatus.BAD_REQUEST,
                        "problem.invalid-request",
                        List.of(new FieldProblem("entity", "transfer.entity.invalid"))));
        try (var in = file.getInputStream()) {
            return imports.upload(
                    kind,
                    file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                    in,
                    Actor.currentName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/imports")
    @PreAuthorize("hasAuthority('" + Permission.DATA_TRANSFER + "')")
    @Operation(summary = "Import jobs, newest first")
    CursorPage<Job> listImports(
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return imports.list(PageRequest.of(limit, cursor));
    }

    @GetMapping("/api/v1/imports/{id}")
    @PreAuthorize("hasAuthority('" + Permission.DATA_TRANSFER + "')")
    @Operation(summary = "An import job and its progress")
    Job getImport(@PathVariable long id) {
        return imports.get(id);
    }

    @PostMapping("/api/v1/imports/{id}/dry-run")
    @PreAuthorize("hasAuthority('" + Permission.DATA_TRANSFER + "')")
    @Operation(summary = "Try a mapping {column header: field} on the first 20 rows; nothing is kept")
    DryRunResponse dryRun(@PathVariable long id, @RequestBody MappingRequest body) {
        var results = imports.dryRun(id, mapping(body));
        var locale = LocaleContextHolder.getLocale();
        var rows = results.stream()
                .map(r -> new RowView(
                        r.row(), r.status(), r.problems().isEmpty() ? null : problems.describe(r.problems(), locale)))
                .toList();
        int rejected =
                (int) rows.stream().filter(r -> r.status().equals("rejected")).count();
        return new DryRunResponse(rows.size() - rejected, rejected, rows);
    }

    @PostMapping("/api/v1/imports/{id}/start")
    @PreAuthorize("hasAuthority('" + Permission.DATA_TRANSFER + "')")
    @Operation(
            summary = "Import the whole file with a mapping, in the background; re-running an import (also one that"
                    + " was interrupted) changes nothing that was already imported")
    ResponseEntity<Job> start(@PathVariable long id, @RequestBody MappingRequest body) {
        return ResponseEntity.accepted().body(imports.start(id, mapping(body)));
    }

    @GetMapping("/api/v1/imports/{id}/errors")
    @PreAuthorize("hasAuthority('" + Permission.DATA_TRANSFER + "')")
    @Operation(summary = "The error report of an import: row, field, error (CSV, UTF-8 with BOM)")
    ResponseEntity<Resource> errors(@PathVariable long id) {
        return download(imports.errorReport(id), "import-" + id + "-errors.csv", "text/csv");
    }

    @PostMapping("/api/v1/exports")
    @PreAuthorize(
            "hasAuthority('" + Permission.DATA_TRANSFER + "') and hasAuthority('" + Permission.CUSTOMERS_ALL + "')")
    @Operation(
            summary = "Export the customers a search finds (the list page's filters), or a saved segment's members"
                    + " (segmentId), as csv or xlsx, in the background")
    ResponseEntity<Job> export(@RequestBody ExportRequest body) {
        var format = body.format() == null ? "csv" : body.format();
        if (body.segmentId() != null) {
            if (!CustomerScope.has(Permission.SEGMENTS_READ)) {
                throw new DomainException(HttpStatus.FORBIDDEN, "status.403");
            }
            var segment = segments.get(body.segmentId());
            var members =
                    segments.members(segment.id()).stream().mapToLong(i -> i).toArray();
            return ResponseEntity.accepted().body(exports.start(members, segment.name(), format, Actor.currentName()));
        }
        var gender = body.gender() == null ? null : Gender.parse(body.gender()).orElse(null);
        var city = body.city() == null
                ? null
                : Cities.parse(body.city()).map(Cities.City::code).orElse(null);
        var query = new CustomerQuery(
                body.q(),
                gender,
                city,
                body.ownerId(),
                body.sourceChannel(),
                body.memberLevel(),
                null,
                body.attributes() == null ? Map.of() : body.attributes());
        return ResponseEntity.accepted()
                .body(exports.start(query, body.format() == null ? "csv" : body.format(), Actor.currentName()));
    }

    @GetMapping("/api/v1/exports")
    @PreAuthorize("hasAuthority('" + Permission.DATA_TRANSFER + "')")
    @Operation(summary = "Export jobs, newest first")
    CursorPage<Job> listExports(
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return exports.list(PageRequest.of(limit, cursor));
    }

    @GetMapping("/api/v1/exports/{id}")
    @PreAuthorize("hasAuthority('" + Permission.DATA_TRANSFER + "')")
    @Operation(summary = "An export job and its progress")
    Job getExport(@PathVariable long id) {
        return exports.get(id);
    }

    @GetMapping("/api/v1/exports/{id}/file")
    @PreAuthorize("hasAuthority('" + Permission.DATA_TRANSFER + "')")
    @Operation(summary = "Download a finished export")
    ResponseEntity<Resource> file(@PathVariable long id) {
        var job = exports.get(id);
        var type = job.format().equals("xlsx")
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv";
        return download(exports.file(id), job.fileName(), type);
    }

    private static Map<String, String> mapping(MappingRequest body) {
        if (body.mapping() == null || body.mapping().isEmpty()) {
            throw new DomainException(
                    HttpStatus.BAD_REQUEST,
                    "problem.invalid-request",
                    List.of(new FieldProblem("mapping", "problem.field.required")));
        }
        return body.mapping();
    }

    private static ResponseEntity<Resource> download(Path path, String name, String type) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(type))
                .body(new FileSystemResource(path));
    }
}
