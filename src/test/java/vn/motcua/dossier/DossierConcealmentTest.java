package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;
import vn.motcua.web.Problems;
import vn.motcua.web.RawHttp;

/**
 * Dossier codes are sequential, so another commune's dossier must look exactly like one that does
 * not exist: the same 404 with the same body on every {@code /api/dossiers/{code}…} endpoint. Its
 * own commune's officials, the admin and reading clients still get it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class DossierConcealmentTest {

    @LocalServerPort int port;
    Http http;
    String code;
    String unknown;

    @BeforeEach
    void aDossierOfTanGiang() {
        http = new Http(port);
        code = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "ONLINE"), "tan-giang.reception")
                .expect(201).body().get("code").asText();
        // the next code of the same sequence, not issued yet
        unknown = code.substring(0, code.length() - 4) + "9999";
    }

    @Test
    void anotherCommunesDossierAnswersExactlyLikeAnUnknownCode() {
        for (String official : List.of("thuc-phan.reception", "thuc-phan.leader", "nung-tri-cao.vp.head")) {
            for (String path : List.of("", "/documents", "/documents/mau-01", "/documents/ket-qua", "/documents/no-such-form")) {
                Http.Response theirs = Problems.assertProblem(http.get("/api/dossiers/" + code + path, official), 404);
                Http.Response none = Problems.assertProblem(http.get("/api/dossiers/" + unknown + path, official), 404);
                assertThat(shape(theirs, code)).as(official + " " + path).isEqualTo(shape(none, unknown));
            }
            Http.Response theirs = attach(code, official);
            Http.Response none = attach(unknown, official);
            Problems.assertProblem(theirs, 404);
            assertThat(shape(theirs, code)).as(official + " attaches").isEqualTo(shape(none, unknown));
        }
    }

    @Test
    void itsOwnCommuneTheAdminAndReadingClientsStillGetIt() {
        for (String reader : List.of("tan-giang.reception", "tan-giang.vp.specialist1", "tan-giang.leader", "admin", Http.PORTAL)) {
            assertThat(http.get("/api/dossiers/" + code, reader).status()).as(reader).isEqualTo(200);
            assertThat(http.get("/api/dossiers/" + code + "/documents", reader).status()).as(reader).isEqualTo(200);
        }
        // within the commune, a role that may not attach the result is told so
        Problems.assertProblem(attach(code, "tan-giang.vp.specialist1"), 403);
        assertThat(attach(code, "tan-giang.leader").status()).isEqualTo(200);
    }

    private Http.Response attach(String dossier, String user) {
        return new RawHttp(port).request("PUT", "/api/dossiers/" + dossier + "/result").as(user)
                .header("Content-Type", "application/pdf").body("%PDF-1.4 signed result").send();
    }

    /** The body with the code asked for written as {code}: what an answer tells beyond the question. */
    private static List<String> shape(Http.Response r, String asked) {
        List<String> fields = new ArrayList<>();
        for (var it = r.body().fields(); it.hasNext(); ) {
            var field = it.next();
            JsonNode value = field.getValue();
            fields.add(field.getKey() + "=" + value.asText().replace(asked, "{code}"));
        }
        return fields;
    }
}
