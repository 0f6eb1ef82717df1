package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code startPeriod}, {@code endPeriod} and {@code lastNObservations}: each answers exactly the table of
 * the years it stands for (same bytes, same ETag), so a period is one more spelling of a year filter.
 * The fixture's releases hold the years 2020 to 2022, each with enough persons to be listed.
 */
class StatisticsPeriodApiTest {

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "startPeriod=2021&endPeriod=2022 | year=2021,2022",
            "startPeriod=2021                | year=2021,2022",
            "endPeriod=2020                  | year=2020",
            "startPeriod=2019&endPeriod=2020 | year=2019,2020",
            "lastNObservations=2             | year=2021,2022",
            "lastNObservations=1             | year=2022",
            "lastNObservations=50            | year=2020,2021,2022",
            "startPeriod=2020&endPeriod=2021&lastNObservations=1 | year=2021",
            "year=2021&startPeriod=2020&endPeriod=2022 | year=2021",
            "year=2022,2021&lastNObservations=2 | year=2021,2022",
    })
    void period_answersTheTableOfItsYears_byteForByte(String period, String years) throws Exception {
        for (String format : new String[] {"csv", "json", "jsonstat"}) {
            String common = "/v1/statistics?by=sex,year&country_of_identification=UA&format=" + format + "&";
            HttpResponse<byte[]> asPeriod = server.bytes(common + period);
            HttpResponse<byte[]> asYears = server.bytes(common + years);
            assertEquals(200, asPeriod.statusCode(), new String(asPeriod.body()));
            assertArrayEquals(asYears.body(), asPeriod.body(), period + " " + format);
            assertEquals(asYears.headers().firstValue("ETag"), asPeriod.headers().firstValue("ETag"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "startPeriod=2021-Q1                       | startPeriod",
            "endPeriod=21                              | endPeriod",
            "startPeriod=2022&endPeriod=2021           | endPeriod",
            "startPeriod=1900&endPeriod=2022           | endPeriod",
            "startPeriod=1900                          | startPeriod",
            "startPeriod=2030                          | startPeriod",
            "endPeriod=2010                            | endPeriod",
            "lastNObservations=0                       | lastNObservations",
            "lastNObservations=101                     | lastNObservations",
            "lastNObservations=two                     | lastNObservations",
            "startPeriod=2010&endPeriod=2015&lastNObservations=1 | lastNObservations",
            "year=2019&startPeriod=2020                | startPeriod",
            "year=2022&endPeriod=2021                  | endPeriod",
            "year=2020&lastNObservations=2             | lastNObservations",
            "startPeriod=2020&startPeriod=2021         | startPeriod",
    })
    void inconsistentOrBadPeriod_is400NamingTheParameter(String query, String parameter) throws Exception {
        HttpResponse<String> response = server.get("/v1/statistics?by=sex&" + query);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(parameter, StatisticsLanguagesApiTest.object(response.body()).getString("parameter"), response.body());
        assertFalse(response.body().contains("Q1") || response.body().contains("two"), "no value is quoted back");
    }
}
