package vn.motcua.dossier;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.security.Callers;

@RestController
@RequestMapping("/api/dossiers")
class DossierController {

    private final DossierService dossiers;

    DossierController(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    @PostMapping
    ResponseEntity<DossierView> submit(@RequestBody SubmissionRequest request) {
        DossierView dossier = dossiers.submit(request, Callers.authenticated());
        return ResponseEntity.created(URI.create("/api/dossiers/" + dossier.code())).body(dossier);
    }

    @GetMapping("/{code}")
    DossierView get(@PathVariable String code) {
        return dossiers.get(code, Callers.authenticated());
    }
}
