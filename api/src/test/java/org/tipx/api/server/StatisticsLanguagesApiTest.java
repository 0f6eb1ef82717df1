package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Labels in English, Russian and Ukrainian: {@code lang}, {@code Accept-Language}, and what they change. */
class StatisticsLanguagesApiTest {

    @TempDir
    Path dir;

    private RunningStatistics server;

    @BeforeEach
    void start() {
        server = new RunningStatistics(dir, StatisticsApi.over(StatisticsApiTest.releases()).withRateLimit(Optional.empty()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void lang_labelsEveryFormatInThatLanguage_andNamesIt() throws Exception {
        HttpResponse<String> ru = server.get("/v1/statistics?by=sex,citizenship&labels=true&format=csv&lang=ru");
        assertEquals(200, ru.statusCode(), ru.body());
        assertEquals(Optional.of("ru"), ru.headers().firstValue("Content-Language"));
        assertTrue(ru.body().contains("Женский (HTCDS: Feminine)"), ru.body());
        assertTrue(ru.body().contains("Украина"), "country names in Russian");
        assertTrue(ru.body().contains("Всего"), "the total's label");
        assertFalse(ru.body().contains("Female"));

        JsonObject json = object(server.get("/v1/statistics?by=sex&labels=true&lang=uk").body());
        assertEquals("Стать", json.getJsonObject("dimension_labels").getString("sex"));
        assertEquals("Жертви (окремі особи)", json.getString("measure_label"));

        JsonObject stat = object(server.get("/v1/statistics?by=sex,year&labels=true&format=jsonstat&lang=ru").body());
        assertEquals("Жертвы (отдельные лица) в разрезе: пол, год", stat.getString("label"));
        assertEquals("Пол", stat.getJsonObject("dimension").getJsonObject("sex").getString("label"));
        assertEquals("Значение отсутствует; скрыто",
                stat.getJsonObject("extension").getJsonObject("status_labels").getString("Q"));

        HttpResponse<String> en = server.get("/v1/statistics?by=sex,citizenship&labels=true&format=csv&lang=en");
        assertEquals(Optional.of("en"), en.headers().firstValue("Content-Language"));
        assertTrue(en.body().contains("Female (HTCDS: Feminine)"));
        assertEquals(en.body(), server.get("/v1/statistics?by=sex,citizenship&labels=true&format=csv").body(),
                "English is the default");
    }

    @Test
    void etag_differsByLanguage_andRevalidatesWithinOne() throws Exception {
        String query = "/v1/statistics?by=sex&labels=true&format=csv&release=" + StatisticsApiTest.NEW;
        String en = server.get(query).headers().firstValue("ETag").orElseThrow();
        String ru = server.get(query + "&lang=ru").headers().firstValue("ETag").orElseThrow();
        String uk = server.get(query + "&lang=uk").headers().firstValue("ETag").orElseThrow();
        assertEquals(3, java.util.Set.of(en, ru, uk).size());
        HttpResponse<String> revalidated = server.send(server.request(query + "&lang=ru").header("If-None-Match", ru));
        assertEquals(304, revalidated.statusCode());
        assertEquals(Optional.of("ru"), revalidated.headers().firstValue("Content-Language"));
        assertEquals(200, server.send(server.request(query + "&lang=ru").header("If-None-Match", en)).statusCode(),
                "an English tag does not revalidate a Russian answer");
        HttpResponse<String> byHeader = server.send(server.request(query).header("Accept-Language", "ru"));
        assertEquals(ru, byHeader.headers().firstValue("ETag").orElseThrow(),
                "the header and the parameter name the same representation");
    }

    @Test
    void acceptLanguage_choosesWhenLangIsAbsent_andTheAnswerVariesOnIt() throws Exception {
        String query = "/v1/statistics?by=sex&labels=true&format=csv";
        HttpResponse<String> belarus = server.send(server.request(query).header("Accept-Language", "ru-BY, en;q=0.5"));
        assertEquals(Optional.of("ru"), belarus.headers().firstValue("Content-Language"));
        assertTrue(belarus.body().contains("Мужской"));
        assertTrue(belarus.headers().firstValue("Vary").orElse("").contains("Accept-Language"));
        HttpResponse<String> ukrainian = server.send(server.request(query).header("Accept-Language", "de;q=0.9, uk;q=0.8"));
        assertEquals(Optional.of("uk"), ukrainian.headers().firstValue("Content-Language"));
        HttpResponse<String> german = server.send(server.request(query).header("Accept-Language", "de-DE"));
        assertEquals(Optional.of("en"), german.headers().firstValue("Content-Language"), "unsupported: English");
        HttpResponse<String> malformed = server.send(server.request(query).header("Accept-Language", ";;q=x"));
        assertEquals(200, malformed.statusCode(), "a malformed preference is not an error");
        assertEquals(Optional.of("en"), malformed.headers().firstValue("Content-Language"));
        HttpResponse<String> both = server.send(server.request(query + "&lang=uk").header("Accept-Language", "ru"));
        assertEquals(Optional.of("uk"), both.headers().firstValue("Content-Language"), "lang wins");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/statistics?by=sex&lang=de", "/v1/statistics?lang=RU", "/v1/dimensions?lang=fr",
            "/v1/datasets?lang=be", "/v1/comparisons?indicator=victims&countries=UA&lang=pl"})
    void unsupportedLang_is400NamingTheParameter_andListingTheLanguages(String query) throws Exception {
        HttpResponse<String> response = server.get(query);
        assertEquals(400, response.statusCode(), response.body());
        JsonObject problem = object(response.body());
        assertEquals("lang", problem.getString("parameter"));
        assertTrue(problem.getString("detail").contains("en, ru, uk"), problem.getString("detail"));
    }

    @Test
    void dimensions_inEachLanguage_withTheirOwnTagAndLanguage() throws Exception {
        HttpResponse<String> uk = server.get("/v1/dimensions?lang=uk");
        assertEquals(200, uk.statusCode());
        assertEquals(Optional.of("uk"), uk.headers().firstValue("Content-Language"));
        assertEquals(Optional.of("Accept-Language"), uk.headers().firstValue("Vary"));
        JsonObject citizenship = dimension(object(uk.body()), "citizenship");
        assertEquals("Громадянство", citizenship.getString("label"));
        assertEquals("Україна", label(citizenship, "UA"));
        assertEquals("Особа без громадянства", label(citizenship, "XS"));
        assertEquals("Країна невідома", label(citizenship, "XX"));
        JsonObject english = dimension(object(server.get("/v1/dimensions").body()), "citizenship");
        assertEquals("Unknown country", label(english, "XX"));
        assertEquals(codes(english), codes(citizenship), "the same codes in the same order");
        String ukTag = uk.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(server.get("/v1/dimensions").headers().firstValue("ETag").orElseThrow(), ukTag);
        HttpResponse<String> byHeader = server.send(server.request("/v1/dimensions").header("Accept-Language", "uk-UA")
                .header("If-None-Match", ukTag));
        assertEquals(304, byHeader.statusCode());
    }

    @Test
    void comparisons_nameTheCountriesInTheLanguage() throws Exception {
        HttpResponse<String> ru = server.get("/v1/comparisons?indicator=victims&countries=UA,MD&lang=ru");
        assertEquals(200, ru.statusCode(), ru.body());
        assertEquals(Optional.of("ru"), ru.headers().firstValue("Content-Language"));
        List<String> names = object(ru.body()).getJsonArray("countries").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name")).toList();
        assertEquals(List.of("Украина", "Молдова"), names);
        HttpResponse<String> en = server.get("/v1/comparisons?indicator=victims&countries=UA,MD");
        assertEquals(Optional.of("en"), en.headers().firstValue("Content-Language"));
        assertNotEquals(en.headers().firstValue("ETag"), ru.headers().firstValue("ETag"));
    }

    private static JsonObject dimension(JsonObject list, String id) {
        return list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static String label(JsonObject dimension, String code) {
        return dimension.getJsonArray("codes").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("code").equals(code)).findFirst().orElseThrow().getString("label");
    }

    private static List<String> codes(JsonObject dimension) {
        return dimension.getJsonArray("codes").getValuesAs(JsonObject.class).stream().map(c -> c.getString("code")).toList();
    }

    static JsonObject object(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
