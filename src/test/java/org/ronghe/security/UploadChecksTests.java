package org.ronghe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronghe.security.Refusals.assertProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.ronghe.support.Api;
import org.ronghe.support.DatabaseDigest;
import org.ronghe.support.RongheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload is what its bytes are, not what its name or media type say: an XLSX workbook (a ZIP with
 * the OOXML parts) or text in UTF-8 or GB18030 without binary data; anything else is refused with 422,
 * a Chinese reason and nothing changed. A file over the size limit is answered 413: a problem detail
 * for the API and a readable page for the import page. The limit is lowered to 1 MB here, and real
 * requests go to the running server, so the container reads the multipart form as it does in production.
 */
@RongheTest
@TestPropertySource(properties = {"ronghe.test.schema=uploads", "ronghe.import.max-size=1MB"})
// Nothing else uses this context: close it, and its connections, when the class is done.
@org.springframework.test.annotation.DirtiesContext
class UploadChecksTests {

    static final String IMPORT = "/api/v1/directory/imports/streets";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, '\r', 'I', 'H', 'D', 'R', 0, 0, 1, 0};

    @Autowired
    Api api;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    @org.junit.jupiter.api.BeforeEach
    void signInBeforeAnySnapshot() {
        api.token("admin");
    }

    @Test
    void aPictureRenamedToCsvOrXlsxIsRefusedAsNoTextAndChangesNothing() {
        for (String name : new String[]{"街道.csv", "街道.xlsx", "streets"}) {
            assertRefused(name, PNG, "不是文本");
        }
    }

    @Test
    void aZipArchiveThatIsNoWorkbookIsRefused() {
        assertRefused("街道.xlsx", zip("readme.txt", "hello"), "不是 XLSX 工作簿");
        // The right parts in name only are not enough either: POI must read it as a workbook.
        assertRefused("街道.xlsx", zip("[Content_Types].xml", "<Types/>"), "不是 XLSX 工作簿");
    }

    @Test
    void anOldExcelFileIsRefusedWithTheAdviceToSaveItAsXlsx() {
        byte[] xls = new byte[512];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 0,
                xls, 0, 8);
        assertRefused("街道.xlsx", xls, "另存为 .xlsx");
    }

    @Test
    void aCsvWithANulByteOrTextInNoKnownEncodingIsRefused() {
        assertRefused("街道.csv", "街道编码,街道名称\n440103901,测\u0000试街道\n".getBytes(StandardCharsets.UTF_8), "二进制");
        // 0xFF never starts a character in UTF-8 or GB18030.
        assertRefused("街道.csv", new byte[]{'a', ',', 'b', '\n', (byte) 0xFF, (byte) 0xFF, ',', 'x', '\n'}, "编码无法识别");
        assertRefused("街道.csv", new byte[0], "空的");
    }

    @Test
    void aCsvCalledXlsxAndSentAsAPictureImportsAsTheCsvItIs() {
        String code = "4401039" + (10 + (int) (Math.random() * 80));
        byte[] csv = ("街道编码,街道名称\n" + code + ",改名后的街道\n").getBytes(Charset.forName("GB18030"));
        Api.Response response = upload("街道.xlsx", "image/png", csv);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(streetName(code)).isEqualTo("改名后的街道");
    }

    @Test
    void aWorkbookCalledCsvImportsAsTheWorkbookItIs() throws IOException {
        String code = "4401039" + (10 + (int) (Math.random() * 80));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("街道");
            sheet.createRow(0).createCell(0).setCellValue("街道编码");
            sheet.getRow(0).createCell(1).setCellValue("街道名称");
            sheet.createRow(1).createCell(0).setCellValue(code);
            sheet.getRow(1).createCell(1).setCellValue("表格里的街道");
            workbook.write(out);
            Api.Response response = upload("街道.csv", "text/csv", out.toByteArray());
            assertThat(response.status()).as(response.text()).isEqualTo(200);
        }
        assertThat(streetName(code)).isEqualTo("表格里的街道");
    }

    @Test
    void aFileOverTheSizeLimitIsAnswered413AsAProblemAndChangesNothing() throws Exception {
        Map<String, String> before = DatabaseDigest.of(dataSource);
        String token = api.token("admin");
        HttpResponse<String> response = http().send(multipart(URI.create(base() + IMPORT), big())
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertProblem(new Api.Response(413, response.headers().firstValue("Content-Type").orElse(null),
                response.body().getBytes(StandardCharsets.UTF_8), json), "a 1.5 MB upload");
        assertThat(response.body()).contains("文件过大", "1 MB");
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).isEmpty();
    }

    @Test
    void aFileOverTheSizeLimitOnTheImportPageShowsAReadableChineseError() throws Exception {
        HttpClient browser = http();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String signIn = "username=admin&password=" + java.net.URLEncoder.encode(Api.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + hidden(login);
        browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(signIn)).build(), HttpResponse.BodyHandlers.ofString());
        String page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/transfer")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher action = Pattern.compile("action=\"(/transfer/streets)\"").matcher(page);
        assertThat(action.find()).as("the streets upload form on %s", page.length() > 300 ? page.substring(0, 300) : page).isTrue();

        HttpResponse<String> answer = browser.send(multipart(URI.create(base() + action.group(1)), big(), "_csrf", hidden(page))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains("文件过大：上限为 1 MB");
    }

    // ---------------------------------------------------------------- helpers

    private void assertRefused(String name, byte[] content, String reason) {
        Map<String, String> before = DatabaseDigest.of(dataSource);
        Api.Response response = upload(name, "application/octet-stream", content);
        assertThat(response.status()).as("%s: %s", name, response.text()).isEqualTo(422);
        assertProblem(response, name);
        assertThat(response.json().get("errors").get(0).get("message").asString()).as(name).contains(reason);
        assertThat(DatabaseDigest.changes(before, DatabaseDigest.of(dataSource))).as(name).isEmpty();
    }

    private Api.Response upload(String name, String mediaType, byte[] content) {
        return api.send("admin", () -> MockMvcRequestBuilders.multipart(IMPORT)
                .file(new MockMultipartFile("file", name, mediaType, content)));
    }

    private String streetName(String code) {
        return jdbc.sql("SELECT name FROM street WHERE code = :c").param("c", code).query(String.class).single();
    }

    private static byte[] zip(String entry, String text) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV of 1.5 MB: over the lowered limit of 1 MB. */
    private static byte[] big() {
        StringBuilder csv = new StringBuilder("街道编码,街道名称\n");
        while (csv.length() < 1_500_000) {
            csv.append("440103999,很长的文件\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A multipart form as a browser sends it: the file, then any other fields given as name, value, …. */
    private static HttpRequest.Builder multipart(URI uri, byte[] file, String... fields) {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"streets.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static String hidden(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("a CSRF token on the sign-in page").isTrue();
        return token.group(1);
    }

    private HttpClient http() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
