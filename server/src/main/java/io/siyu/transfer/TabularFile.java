package io.siyu.transfer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.siyu.shared.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.springframework.http.HttpStatus;

/**
 * A CSV or XLSX file read as rows of text. CSV bytes that are not valid UTF-8 are read as GB18030 (a
 * superset of GBK, which Excel in China writes); a UTF-8 byte order mark is dropped; the delimiter is
 * whichever of comma, semicolon and tab the header line has most of.
 */
public final class TabularFile {

    public static final Charset GBK = Charset.forName("GB18030");

    public enum Format {
        CSV,
        XLSX
    }

    private final Path path;
    private final Format format;
    private final Charset charset;
    private final char delimiter;

    private TabularFile(Path path, Format format, Charset charset, char delimiter) {
        this.path = path;
        this.format = format;
        this.charset = charset;
        this.delimiter = delimiter;
    }

    public static TabularFile open(Path path) {
        return open(path, null);
    }

    /**
     * Like {@link #open(Path)}, with the encoding found when the file was first opened ("UTF-8" or "GBK"),
     * so that a large file is not decoded once more only to detect it.
     */
    public static TabularFile open(Path path, @org.jspecify.annotations.Nullable String knownEncoding) {
        try {
            var head = new byte[4];
            try (var in = Files.newInputStream(path)) {
                int read = in.readNBytes(head, 0, 4);
                if (read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                    return new TabularFile(path, Format.XLSX, StandardCharsets.UTF_8, ',');
                }
            }
            var charset = "UTF-8".equals(knownEncoding)
                    ? StandardCharsets.UTF_8
                    : "GBK".equals(knownEncoding) ? GBK : isUtf8(path) ? StandardCharsets.UTF_8 : GBK;
            String firstLine;
            try (var reader = Files.newBufferedReader(path, charset)) {
                firstLine = reader.readLine();
            }
            if (firstLine == null) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "transfer.file.empty");
            }
            return new TabularFile(path, Format.CSV, charset, delimiter(firstLine));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Format format() {
        return format;
    }

    /** "UTF-8" or "GBK" for CSV; null for XLSX. */
    public String encoding() {
        return format == Format.XLSX ? "" : charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "GBK";
    }

    /**
     * Passes every row to {@code rows}: the header first. Blank rows are skipped; a row's cells are
     * stripped text (a row may be shorter than the header).
     */
    public void read(Consumer<List<String>> rows) {
        scan(row -> {
            rows.accept(row);
            return true;
        });
    }

    /** The first {@code count} rows (the header is the first), reading no further into the file. */
    public List<List<String>> head(int count) {
        var rows = new ArrayList<List<String>>(count);
        scan(row -> {
            rows.add(row);
            return rows.size() < count;
        });
        return rows;
    }

    /** Feeds rows to {@code more} until it answers false or the file ends. */
    private void scan(java.util.function.Predicate<List<String>> more) {
        try {
            if (format == Format.XLSX) {
                readXlsx(more);
            } else {
                readCsv(more);
            }
        } catch (IOException e) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "transfer.file.unreadable", e.getMessage());
        }
    }

    private void readCsv(java.util.function.Predicate<List<String>> rows) throws IOException {
        try (var reader = Files.newBufferedReader(path, charset);
                var csv = CsvReader.builder()
                        .fieldSeparator(delimiter)
                        .skipEmptyLines(true)
                        .allowExtraFields(true)
                        .allowMissingFields(true)
                        .ofCsvRecord(reader)) {
            boolean first = true;
            for (CsvRecord record : csv) {
                var cells = new ArrayList<String>(record.getFieldCount());
                for (var field : record.getFields()) {
                    cells.add(first ? stripBom(field).strip() : field.strip());
                }
                first = false;
                if (cells.stream().anyMatch(c -> !c.isEmpty()) && !rows.test(cells)) {
                    return;
                }
            }
        }
    }

    private void readXlsx(java.util.function.Predicate<List<String>> rows) throws IOException {
        try (InputStream in = Files.newInputStream(path);
                var workbook = new ReadableWorkbook(in)) {
            var sheet = workbook.getFirstSheet();
            try (var stream = sheet.openStream()) {
                for (var iterator = stream.iterator(); iterator.hasNext(); ) {
                    var row = iterator.next();
                    var cells = new ArrayList<String>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        var cell = row.getCell(i);
                        cells.add(cell == null ? "" : cell.getText().strip());
                    }
                    if (cells.stream().anyMatch(c -> !c.isEmpty()) && !rows.test(cells)) {
                        return;
                    }
                }
            }
        }
    }

    private static boolean isUtf8(Path path) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(Files.readAllBytes(path)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static char delimiter(String line) {
        char best = ',';
        long most = line.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = line.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
