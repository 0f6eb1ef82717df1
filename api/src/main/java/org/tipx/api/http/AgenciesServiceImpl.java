package org.tipx.api.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.bind.JsonbException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.tipx.api.http.model.AgencyList;
import org.tipx.api.http.model.AgencyRegistration;
import org.tipx.api.http.model.AgencyWithToken;
import org.tipx.api.store.Agency;
import org.tipx.api.store.AuditEvent;
import org.tipx.api.store.TipxStore;

/** The Agencies tag of the spec: the administrator registers agencies and manages their tokens. */
public final class AgenciesServiceImpl extends AgenciesService {

    private static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final String ADMIN = "admin";

    private final TipxStore store;
    private final Predicate<String> knownCountry;
    private final Clock clock;
    private final HttpLimits limits;

    /**
     * @param knownCountry true for an ISO 3166-1 alpha-2 code an agency can be based in
     * @param limits       the JSON body limit and body read timeout of registrations
     */
    public AgenciesServiceImpl(TipxStore store, Predicate<String> knownCountry, Clock clock, HttpLimits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.knownCountry = Objects.requireNonNull(knownCountry, "knownCountry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    protected CreateAgencyOp createCreateAgencyOp() {
        return new CreateAgencyOp() {
            @Override
            protected AgencyRegistration agencyRegistration(ServerRequest request, ValidatorUtils.Validator validator) {
                if (!request.content().hasEntity()) {
                    return null;
                }
                try {
                    return Json.read(PacedBody.readJson(request.content().inputStream(), limits),
                            AgencyRegistration.class);
                } catch (JsonbException | IllegalArgumentException e) {
                    throw ProblemException.badRequest("The body is not a valid agency registration (JSON with "
                            + "id, name, country and type).");
                }
            }
        };
    }

    @Override
    protected void handleCreateAgency(ServerRequest request, ServerResponse response, AgencyRegistration registration) {
        List<String> problems = new ArrayList<>();
        if (registration.getId() == null || !AGENCY_ID.matcher(registration.getId()).matches()) {
            problems.add("id must be 2-64 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
        if (registration.getName() == null || registration.getName().isBlank() || registration.getName().length() > 200) {
            problems.add("name must be 1-200 characters");
        }
        if (registration.getCountry() == null || !knownCountry.test(registration.getCountry())) {
            problems.add("country must be an ISO 3166-1 alpha-2 code");
        }
        if (registration.getType() == null) {
            problems.add("type is required");
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems) + ".");
        }
        Agency agency = new Agency(registration.getId(), registration.getName().strip(), registration.getCountry(),
                registration.getType().getValue(), clock.instant(), true);
        String token = Tokens.newToken();
        if (!store.createAgency(agency, Tokens.hash(token))) {
            throw ProblemException.conflict("Agency '" + agency.id() + "' exists already.");
        }
        audit("agency.create", agency.id(), agency.country() + " " + agency.type());
        Json.send(response, Status.CREATED_201, new AgencyWithToken(toModel(agency), token));
    }

    @Override
    protected void handleListAgencies(ServerRequest request, ServerResponse response) {
        Json.send(response, Status.OK_200,
                new AgencyList(store.agencies().stream().map(AgenciesServiceImpl::toModel).toList()));
    }

    @Override
    protected void handleRotateAgencyToken(ServerRequest request, ServerResponse response, String id) {
        String token = Tokens.newToken();
        if (!store.rotateToken(id, Tokens.hash(token))) {
            throw unknownAgency(id);
        }
        audit("token.rotate", id, "new token issued");
        Agency agency = store.agency(id).orElseThrow(() -> unknownAgency(id));
        Json.send(response, Status.OK_200, new AgencyWithToken(toModel(agency), token));
    }

    @Override
    protected void handleRevokeAgencyToken(ServerRequest request, ServerResponse response, String id) {
        if (!store.revokeToken(id)) {
            throw unknownAgency(id);
        }
        audit("token.revoke", id, "token revoked");
        response.status(Status.NO_CONTENT_204).send();
    }

    @Override
    public void afterStop() {
        // The generated default prints to standard output.
    }

    private void audit(String action, String subject, String detail) {
        store.audit(new AuditEvent(clock.instant(), ADMIN, action, subject, detail));
    }

    private static ProblemException unknownAgency(String id) {
        return ProblemException.notFound("No agency '" + ExtractsServiceImpl.abbreviate(id) + "'.");
    }

    static org.tipx.api.http.model.Agency toModel(Agency agency) {
        return new org.tipx.api.http.model.Agency(agency.id(), agency.name(), agency.country(), agency.type(),
                agency.created().atOffset(ZoneOffset.UTC), agency.tokenActive());
    }
}
