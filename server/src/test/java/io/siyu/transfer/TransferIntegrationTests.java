package io.siyu.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.ApiClient;
import io.siyu.IntegrationTest;
import io.siyu.TestTenants;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TransferIntegrationTests extends IntegrationTest {

    TestTenants.Fixture fixture;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        fixture = tenants.create();
        admin = ApiClient.loggedIn(port, fixture.admin());
        admin.post(
                "/api/v1/customer-attributes",
                "{\"key\": \"skinType\", \"label\": \"肤质\", \"type\": \"multi_enum\", \"options\": [\"干性\", \"油性\"]}");
    }

    ApiClient.Response upload(String entity, String fileName, byte[] content) {
        return admin.upload("/api/v1/imports?entity=" + entity, fileName, content);
    }

    JsonNode awaitDone(String path) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var job = admin.get(path).json();
            if (job.path("status").asString().equals("done")
                    || job.path("status").asString().equals("failed")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job did not finish: " + admin.get(path).body());
    }

    static final String CUSTOMERS_CSV = """
            姓名,手机号,性别,城市,肤质,备注
            王芳,13900007001,女,杭州,干性,老客户
            李雷,139-0000-7002,男,上海市,油性,
            坏号码,12345,男,北京,干性,
            韩梅梅,13900007003,女,火星,,
            """;

    @Test
    void importsAGbkCsvOfCustomersWithADryRunProgressAndAnErrorReport() throws Exception {
        var gbk = CUSTOMERS_CSV.getBytes(Charset.forName("GBK"));

        var preview = upload("customers", "客户.csv", gbk);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("job").path("encoding").asString()).isEqualTo("GBK");
        assertThat(preview.json().path("job").path("totalRows").asInt()).isEqualTo(4);
        assertThat(preview.json().path("header").get(0).asString()).isEqualTo("姓名");
        var suggested = preview.json().path("suggested");
        assertThat(suggested.path("姓名").asString()).isEqualTo("name");
        assertThat(suggested.path("手机号").asString()).isEqualTo("mobile");
        assertThat(suggested.path("肤质").asString())
                .as("attributes are matched by label")
                .isEqualTo("attr.skinType");
        assertThat(suggested.has("备注")).isFalse();
        long id = preview.json().path("job").path("id").asLong();
        var mapping = "{\"mapping\": " + suggested + "}";

        var dry = admin.post("/api/v1/imports/" + id + "/dry-run", mapping).json();

        assertThat(dry.path("rows").valueStream().map(r -> r.path("status").asString()))
                .containsExactly("created", "created", "rejected", "rejected");
        assertThat(dry.path("rows").get(2).path("row").asInt())
                .as("file row numbers, header is row 1")
                .isEqualTo(4);
        assertThat(count("select count(*) from customer"))
                .as("a dry run keeps nothing")
                .isZero();

        assertThat(admin.post("/api/v1/imports/" + id + "/start", mapping).status())
                .isEqualTo(202);
        var job = awaitDone("/api/v1/imports/" + id);

        assertThat(job.path("status").asString()).isEqualTo("done");
        assertThat(job.path("acceptedRows").asInt()).isEqualTo(2);
        assertThat(job.path("rejectedRows").asInt()).isEqualTo(2);
        assertThat(count("select count(*) from customer")).isEqualTo(2);
        assertThat(count("select count(*) from customer where city = 1 and display_name = '李雷' and gender = 1"))
                .isEqualTo(1);
        var report = admin.get("/api/v1/imports/" + id + "/errors");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("行号,字段,错误").contains("4,手机号,").contains("5,城市,");

        var again =
                upload("customers", "客户.csv", gbk).json().path("job").path("id").asLong();
        admin.post("/api/v1/imports/" + again + "/start", mapping);
        assertThat(awaitDone("/api/v1/imports/" + again).path("acceptedRows").asInt())
                .isEqualTo(2);
        assertThat(count("select count(*) from customer"))
                .as("a re-import changes nothing")
                .isEqualTo(2);
    }

    @Test
    void importsOrdersFromXlsxOneOrderPerOrderNumber() throws Exception {
        var file = new ByteArrayOutputStream();
        var workbook = new Workbook(file, "test", "1.0");
        var sheet = workbook.newWorksheet("订单");
        String[][] rows = {
            {"订单号", "手机号", "下单时间", "支付时间", "商品编码", "商品名称", "数量", "单价", "门店"},
            {"X-1", "13900008001", "2026-11-01 10:00:00", "2026/11/1 10:05", "SKU-A", "面霜", "2", "100", "杭州店"},
            {"X-1", "13900008001", "2026-11-01 10:00:00", "2026/11/1 10:05", "SKU-B", "精华", "1", "50.5", "杭州店"},
            {"X-2", "13900008002", "2026-11-02 09:00:00", "", "SKU-A", "面霜", "1", "100", "上海店"},
            {"X-3", "13900008003", "not a time", "", "SKU-A", "面霜", "1", "100", ""}
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                sheet.value(r, c, rows[r][c]);
            }
        }
        workbook.finish();

        var preview = upload("orders", "orders.xlsx", file.toByteArray()).json();
        assertThat(preview.path("job").path("format").asString()).isEqualTo("xlsx");
        long id = preview.path("job").path("id").asLong();
        admin.post("/api/v1/imports/" + id + "/start", "{\"mapping\": " + preview.path("suggested") + "}");
        var job = awaitDone("/api/v1/imports/" + id);

        assertThat(job.path("acceptedRows").asInt()).isEqualTo(3);
        assertThat(job.path("rejectedRows").asInt()).isEqualTo(1);
        var order = admin.get("/api/v1/orders/X-1").json();
        assertThat(order.path("lines")).hasSize(2);
        assertThat(order.path("status").asString()).isEqualTo("paid");
        assertThat(order.path("totalAmount").decimalValue()).isEqualByComparingTo("250.5");
        assertThat(order.path("placedAt").asString())
                .as("local times are in the tenant's zone")
                .isEqualTo("2026-11-01T02:00:00Z");
        assertThat(admin.get("/api/v1/orders/X-2").json().path("status").asString())
                .isEqualTo("pending");
    }

    @Test
    void exportsTheCustomerListAsCsvAndXlsx() throws Exception {
        admin.post(
                "/api/v1/customers",
                "{\"identities\": [{\"type\": \"mobile\", \"value\": \"13900009001\"}], \"name\": \"导出甲\","
                        + " \"attributes\": {\"skinType\": [\"干性\", \"油性\"]}}");
        admin.post(
                "/api/v1/customers",
                "{\"identities\": [{\"type\": \"mobile\", \"value\": \"13900009002\"}], \"name\": \"导出乙\"}");

        var csv = admin.post("/api/v1/exports", "{\"format\": \"csv\", \"q\": \"导出\"}");
        assertThat(csv.status()).as(csv.body()).isEqualTo(202);
        var csvJob = awaitDone("/api/v1/exports/" + csv.json().path("id").asLong());
        assertThat(csvJob.path("processedRows").asInt()).isEqualTo(2);
        var text = admin.get("/api/v1/exports/" + csvJob.path("id").asLong() + "/file")
                .body();
        assertThat(text).contains("客户编号,姓名,手机号").contains("导出甲,139****9001").contains("干性、油性");

        var xlsx = admin.post("/api/v1/exports", "{\"format\": \"xlsx\"}").json();
        awaitDone("/api/v1/exports/" + xlsx.path("id").asLong());
        var bytes = admin.getBytes("/api/v1/exports/" + xlsx.path("id").asLong() + "/file");
        var names = new ArrayList<String>();
        try (var book = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            book.getFirstSheet().openStream().forEach(row -> names.add(row.getCellText(1)));
        }
        assertThat(names).containsExactlyInAnyOrder("姓名", "导出甲", "导出乙");
    }

    @Test
    void importsTagAssignmentsByIdentityAndTagNameCreatingMissingTags() throws Exception {
        for (var mobile : new String[] {"13900008001", "13900008002"}) {
            var created = admin.post(
                    "/api/v1/customers",
                    "{\"identities\": [{\"type\": \"mobile\", \"value\": \"%s\"}]}".formatted(mobile));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        var csv = """
                手机号,标签组,标签,操作
                13900008001,来源,抖音,添加
                13900008002,来源,抖音,
                13900008001,产品偏好,面霜,
                13900009999,来源,抖音,
                13900008002,来源,,
                """.getBytes(StandardCharsets.UTF_8);

        var preview = upload("tags", "标签.csv", csv).json();
        var suggested = preview.path("suggested");
        assertThat(suggested.path("标签组").asString()).isEqualTo("group");
        assertThat(suggested.path("标签").asString()).isEqualTo("tag");
        assertThat(suggested.path("操作").asString()).isEqualTo("action");
        long id = preview.path("job").path("id").asLong();
        var mapping = "{\"mapping\": " + suggested + "}";
        admin.post("/api/v1/imports/" + id + "/start", mapping);
        var job = awaitDone("/api/v1/imports/" + id);

        assertThat(job.path("acceptedRows").asInt()).as(job.toString()).isEqualTo(3);
        assertThat(job.path("rejectedRows").asInt()).isEqualTo(2);
        assertThat(count("select count(*) from customer_tag where source = 'import'"))
                .isEqualTo(3);
        assertThat(count("select count(*) from tag_group where name in ('来源', '产品偏好')"))
                .as("missing groups are created")
                .isEqualTo(2);
        assertThat(count("select count(*) from customer"))
                .as("no customer is created")
                .isEqualTo(2);
        var report = admin.get("/api/v1/imports/" + id + "/errors").body();
        assertThat(report).contains("5,手机号,").contains("6,标签,");

        var again = upload("tags", "标签.csv", csv).json().path("job").path("id").asLong();
        admin.post("/api/v1/imports/" + again + "/start", mapping);
        awaitDone("/api/v1/imports/" + again);
        assertThat(count("select count(*) from customer_tag"))
                .as("a re-import changes nothing")
                .isEqualTo(3);
        assertThat(count("select count(*) from customer_tag_history"))
                .as("nor adds to the history")
                .isEqualTo(3);
    }

    @Test
    void refusesBadUploadsAndMappingsWithClearErrors() {
        assertThat(upload("planets", "x.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(400);
        assertThat(upload("customers", "x.csv", new byte[0]).json().path("code").asString())
                .isEqualTo("transfer.file.empty");
        long id = upload("events", "e.csv", "编号,类型\n1,view\n".getBytes(StandardCharsets.UTF_8))
                .json()
                .path("job")
                .path("id")
                .asLong();
        var bad = admin.language("en")
                .post("/api/v1/imports/" + id + "/start", "{\"mapping\": {\"编号\": \"planet\", \"列\": \"type\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("code").asString()))
                .contains("transfer.mapping.field", "transfer.mapping.column", "transfer.mapping.required");
        assertThat(ApiClient.loggedIn(port, fixture.staff())
                        .get("/api/v1/imports")
                        .status())
                .isEqualTo(403);
    }

    private long count(String query) {
        return sql.count(fixture.tenant(), query);
    }
}
