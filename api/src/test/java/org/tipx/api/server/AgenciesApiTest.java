package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.store.AuditEvent;
import org.tipx.client.ApiException;
import org.tipx.client.api.AgenciesApi;
import org.tipx.client.model.AgencyRegistration;
import org.tipx.client.model.AgencyWithToken;

/** Agency registration and token life cycle, through the generated client against a running server. */
class AgenciesApiTest {

    @TempDir
    static Path dir;
    static RunningTipx server;

    @BeforeAll
    static void start() {
        server = RunningTipx.fresh(dir, 1 << 20);
    }

    @AfterAll
    static void stop() {
        server.close();
        // JUnit keeps the class, and so its static fields, to the end of the run: let the rest of the suite have the memory.
        server = null;
    }

    private static AgencyRegistration registration(String id) {
        return new AgencyRegistration().id(id).name("National Police of Moldova").country("MD")
                .type(AgencyRegistration.TypeEnum.POLICE);
    }

    @Test
    void registrationIssuesATokenShownOnceAndKeptOnlyAsAHash() throws Exception {
        AgencyWithToken created = server.admin().createAgency(registration("md-police"));
        assertEquals("md-police", created.getAgency().getId());
        assertEquals("MD", created.getAgency().getCountry());
        assertTrue(created.getAgency().getTokenActive());
        String token = created.getToken();
        assertTrue(token.startsWith("tipx_") && token.length() > 40, token.length() + " chars");
        assertTrue(server.extracts(token).listExtracts().getItems().isEmpty(), "the token works");
        String listed = server.send(server.request("/v1/agencies").header("Authorization", "Bearer " + RunningTipx.ADMIN_TOKEN))
                .body();
        assertTrue(listed.contains("md-police"));
        assertFalse(listed.contains(token), "tokens are never listed");
        List<AuditEvent> audit = server.tipx().store().auditLog(100);
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("agency.create") && e.subject().equals("md-police")));
        assertTrue(audit.stream().noneMatch(e -> e.detail().contains(token)));
    }

    @Test
    void duplicateIdIs409() throws Exception {
        server.admin().createAgency(registration("dup-agency"));
        ApiException e = assertThrows(ApiException.class, () -> server.admin().createAgency(registration("dup-agency")));
        assertEquals(409, e.getCode());
    }

    @Test
    void invalidRegistrationsAre400() throws Exception {
        for (AgencyRegistration bad : List.of(registration("Bad Id"), registration("ok-id").country("ZZ"),
                registration("ok-id").country("XX"), registration("ok-id").name(" "))) {
            ApiException e = assertThrows(ApiException.class, () -> server.admin().createAgency(bad), bad.toString());
            assertEquals(400, e.getCode(), bad.toString());
        }
        for (String body : List.of("{not json", "{\"id\":\"x1\",\"name\":\"n\",\"country\":\"UA\",\"type\":\"pirates\"}")) {
            HttpResponse<String> response = server.send(server.request("/v1/agencies")
                    .header("Authorization", "Bearer " + RunningTipx.ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(400, response.statusCode(), body);
            assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
        }
    }

    @Test
    void adminEndpointsNeedTheAdminToken() throws Exception {
        String agencyToken = server.agency("not-admin", "UA");
        for (String token : new String[] {null, agencyToken, "wrong"}) {
            AgenciesApi api = new AgenciesApi(server.client(token));
            assertEquals(401, assertThrows(ApiException.class, api::listAgencies).getCode());
            assertEquals(401, assertThrows(ApiException.class, () -> api.createAgency(registration("sneaky"))).getCode());
            assertEquals(401, assertThrows(ApiException.class, () -> api.rotateAgencyToken("not-admin")).getCode());
            assertEquals(401, assertThrows(ApiException.class, () -> api.revokeAgencyToken("not-admin")).getCode());
        }
        // Even an unparsable body is refused for lack of a token before it is read.
        HttpResponse<String> response = server.send(server.request("/v1/agencies")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{oops")));
        assertEquals(401, response.statusCode());
    }

    @Test
    void rotationReplacesTheTokenAtOnce() throws Exception {
        String old = server.agency("rotating", "PL");
        AgencyWithToken rotated = server.admin().rotateAgencyToken("rotating");
        assertNotEquals(old, rotated.getToken());
        assertEquals(401, assertThrows(ApiException.class, () -> server.extracts(old).listExtracts()).getCode());
        assertTrue(server.extracts(rotated.getToken()).listExtracts().getItems().isEmpty());
    }

    @Test
    void revocationStopsTheTokenUntilARotation() throws Exception {
        String token = server.agency("revoked", "DE");
        server.admin().revokeAgencyToken("revoked");
        assertEquals(401, assertThrows(ApiException.class, () -> server.extracts(token).listExtracts()).getCode());
        assertFalse(server.admin().listAgencies().getItems().stream()
                .filter(a -> a.getId().equals("revoked")).findFirst().orElseThrow().getTokenActive());
        String fresh = server.admin().rotateAgencyToken("revoked").getToken();
        assertTrue(server.extracts(fresh).listExtracts().getItems().isEmpty());
        assertTrue(server.tipx().store().auditLog(100).stream()
                .anyMatch(e -> e.action().equals("token.revoke") && e.subject().equals("revoked")));
    }

    @Test
    void unknownAgencyIs404() {
        assertEquals(404, assertThrows(ApiException.class, () -> server.admin().rotateAgencyToken("nobody")).getCode());
        assertEquals(404, assertThrows(ApiException.class, () -> server.admin().revokeAgencyToken("nobody")).getCode());
    }
}
