package vn.motcua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Callers;

/**
 * The papers of a dossier as files: {@code PUT /api/dossiers/{code}/components/{index}/file} with the
 * file as the body (PDF, JPEG or PNG, at most the API's body size), {@code GET} the same path to
 * download it, {@code GET /api/dossiers/{code}/components} to list the papers and which are digitized.
 * The commune's officials upload and download; elsewhere the dossier does not exist (404).
 */
@RestController
@Tag(name = DossierController.TAG)
class ComponentFileController {

    private static final String INDEX = "Số thứ tự của giấy tờ trong hồ sơ (theo components khi nộp), từ 1";

    private final Dossiers dossiers;
    private final ComponentFiles files;

    ComponentFileController(Dossiers dossiers, ComponentFiles files) {
        this.dossiers = dossiers;
        this.files = files;
    }

    @PutMapping("/api/dossiers/{code}/components/{index}/file")
    @Operation(summary = "Đính kèm tệp của một giấy tờ (số hóa)",
            description = "Nội dung yêu cầu là chính tệp: PDF, JPEG hoặc PNG (nhận diện theo nội dung, phải khớp Content-Type), tối đa "
                    + "motcua.api.max-body-size. Công chức của xã, phường có hồ sơ, ở bất kỳ bước nào; tệp mới thay tệp cũ.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))}))
    @ApiResponse(responseCode = "200", description = "Đã lưu tệp; giấy tờ được đánh dấu đã số hóa")
    @ApiResponse(responseCode = "403", description = "Chỉ công chức của xã, phường có hồ sơ được đính kèm giấy tờ")
    ComponentFiles.Paper attach(@PathVariable String code, @Parameter(description = INDEX, example = "1") @PathVariable String index,
                                @RequestBody(required = false) byte[] content,
                                @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        Caller caller = Callers.authenticated();
        Dossier d = dossiers.readable(code, caller);
        if (!caller.isOfficialOf(d.communeCode())) {
            throw new AccessDenied("Chỉ công chức của xã, phường đính kèm giấy tờ của hồ sơ");
        }
        String declared = contentType == null ? null : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return files.attach(d.code(), index(index), content, declared, caller.name());
    }

    @GetMapping("/api/dossiers/{code}/components/{index}/file")
    @Operation(summary = "Tải tệp của một giấy tờ")
    @ApiResponse(responseCode = "200", description = "Tệp như đã đính kèm", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "404", description = "Không có hồ sơ, giấy tờ này, hoặc giấy tờ chưa có tệp")
    ResponseEntity<byte[]> download(@PathVariable String code, @Parameter(description = INDEX, example = "1") @PathVariable String index) {
        Caller caller = Callers.authenticated();
        Dossier d = dossiers.readable(code, caller);
        int position = index(index);
        ComponentFiles.StoredFile file = files.file(d.code(), position)
                .orElseThrow(() -> new DossierNotFoundException(code + "/components/" + position + "/file"));
        dossiers.authorizeRead(d.code(), caller, "DOWNLOAD_PAPER", String.valueOf(position));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(file.fileName()).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }

    @GetMapping("/api/dossiers/{code}/components")
    @Operation(summary = "Giấy tờ của hồ sơ và giấy tờ nào đã số hóa")
    List<ComponentFiles.Paper> papers(@PathVariable String code) {
        Caller caller = Callers.authenticated();
        Dossier d = dossiers.readable(code, caller);
        return files.papers(d.code());
    }

    private static int index(String index) {
        try {
            int value = Integer.parseInt(index);
            if (value >= 1 && value <= 1000) return value;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidRequestException(List.of(new FieldError("index", "Số thứ tự giấy tờ, từ 1")));
    }
}
