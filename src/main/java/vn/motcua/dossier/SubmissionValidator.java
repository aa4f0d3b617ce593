package vn.motcua.dossier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import java.time.LocalDate;
import vn.motcua.catalog.FeeExemption;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.catalog.FeeRequest;
import vn.motcua.catalog.Fees;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.catalog.ReturnMethod;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.organisation.OrgDirectory.CommuneInfo;

/** Checks a submission field by field and reports every mistake at once. */
@Component
class SubmissionValidator {

    /** Letters of any script (Vietnamese diacritics included), spaces, apostrophes, hyphens, dots. */
    private static final Pattern PERSON_NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*");
    /** Căn cước (12 digits) or the old chứng minh nhân dân (9 digits). */
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{12}|\\d{9}");
    private static final Pattern PHONE = Pattern.compile("(0|\\+84)\\d{9,10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final int MAX_COMPONENTS = 50;
    static final int MAX_COPIES = 100;
    /** The applicant is the actor of the first status ("Công dân " + name, a column of 200). */
    static final int MAX_FULL_NAME = 200 - "Công dân ".length();
    /**
     * Tasklist shows the components as one process variable, which holds 4000 characters: the
     * names together, with their copies and separators, must fit.
     */
    static final int MAX_COMPONENT_NAMES = 3000;

    private final ProcedureCatalog catalog;
    private final OrgDirectory directory;

    SubmissionValidator(ProcedureCatalog catalog, OrgDirectory directory) {
        this.catalog = catalog;
        this.directory = directory;
    }

    ValidSubmission validate(SubmissionRequest request, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        Procedure procedure = null;
        if (blank(request.procedureCode())) {
            errors.add(new FieldError("procedureCode", "Bắt buộc nhập mã thủ tục hành chính"));
        } else {
            procedure = catalog.find(request.procedureCode()).orElse(null);
            if (procedure == null) {
                errors.add(new FieldError("procedureCode", "Thủ tục " + abbreviate(request.procedureCode()) + " không có trong danh mục"));
            }
        }
        CommuneInfo commune = null;
        if (blank(request.communeCode())) {
            errors.add(new FieldError("communeCode", "Bắt buộc nhập mã xã, phường"));
        } else if (request.communeCode().length() > 64
                || (commune = directory.commune(request.communeCode()).orElse(null)) == null) {
            errors.add(new FieldError("communeCode", "Không có xã, phường mã " + abbreviate(request.communeCode())));
        }
        Channel channel = parse(Channel.class, request.channel(), "channel", "COUNTER, ONLINE, POST", errors);
        ReturnMethod returnMethod = parse(ReturnMethod.class, request.returnMethod(), "returnMethod", "COUNTER, POST, ONLINE", errors);
        if (procedure != null && returnMethod != null && !procedure.allowsReturn(returnMethod)) {
            errors.add(new FieldError("returnMethod", "Thủ tục " + procedure.code() + " không trả kết quả theo hình thức " + returnMethod));
        }
        SubmissionRequest.Applicant applicant = request.applicant();
        if (applicant == null) {
            errors.add(new FieldError("applicant", "Bắt buộc nhập thông tin người nộp hồ sơ"));
        } else {
            text(applicant.fullName(), "applicant.fullName", "họ và tên", MAX_FULL_NAME, errors)
                    .filter(name -> !PERSON_NAME.matcher(name).matches())
                    .ifPresent(name -> errors.add(new FieldError("applicant.fullName", "Họ và tên chỉ gồm chữ cái và khoảng trắng")));
            text(applicant.idNumber(), "applicant.idNumber", "số định danh cá nhân", 12, errors)
                    .filter(id -> !ID_NUMBER.matcher(id).matches())
                    .ifPresent(id -> errors.add(new FieldError("applicant.idNumber", "Số định danh cá nhân gồm 12 chữ số (hoặc 9 chữ số CMND)")));
            text(applicant.phone(), "applicant.phone", "số điện thoại", 16, errors)
                    .filter(phone -> !PHONE.matcher(phone).matches())
                    .ifPresent(phone -> errors.add(new FieldError("applicant.phone", "Số điện thoại không hợp lệ (ví dụ 0912345678)")));
            if (applicant.email() != null && !applicant.email().isBlank()
                    && (applicant.email().length() > 254 || !EMAIL.matcher(applicant.email()).matches())) {
                errors.add(new FieldError("applicant.email", "Địa chỉ thư điện tử không hợp lệ"));
            }
            text(applicant.address(), "applicant.address", "địa chỉ", 500, errors);
        }
        List<SubmissionRequest.Component> components = request.components();
        if (components == null || components.isEmpty()) {
            errors.add(new FieldError("components", "Hồ sơ phải có ít nhất một thành phần"));
            if (procedure != null) {
                requiredPapers(procedure, List.of(), errors);
            }
        } else if (components.size() > MAX_COMPONENTS) {
            errors.add(new FieldError("components", "Hồ sơ có tối đa " + MAX_COMPONENTS + " thành phần"));
        } else {
            int names = 0;
            for (int i = 0; i < components.size(); i++) {
                SubmissionRequest.Component c = components.get(i);
                String at = "components[" + i + "]";
                if (c == null) {
                    errors.add(new FieldError(at, "Thành phần hồ sơ trống"));
                    continue;
                }
                names += text(c.name(), at + ".name", "tên giấy tờ", 300, errors).map(String::length).orElse(0);
                if (c.copies() == null) {
                    errors.add(new FieldError(at + ".copies", "Bắt buộc nhập số lượng"));
                } else if (c.copies() < 1 || c.copies() > MAX_COPIES) {
                    errors.add(new FieldError(at + ".copies", "Số lượng từ 1 đến " + MAX_COPIES));
                }
            }
            if (names > MAX_COMPONENT_NAMES) {
                errors.add(new FieldError("components", "Tên các thành phần hồ sơ cộng lại tối đa " + MAX_COMPONENT_NAMES + " ký tự"));
            }
            if (procedure != null) {
                requiredPapers(procedure, components, errors);
            }
        }
        FeeRequest fee = feeRequest(request, procedure, channel, today, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ValidSubmission(procedure, commune, channel, returnMethod, fee, Fees.quote(procedure, fee),
                new SubmissionRequest.Applicant(applicant.fullName().trim().replaceAll("\\s+", " "), applicant.idNumber().trim(),
                        applicant.phone().trim(), blank(applicant.email()) ? null : applicant.email().trim(),
                        applicant.address().trim()),
                components.stream().map(c -> new SubmissionRequest.Component(c.name().trim(), c.copies())).toList());
    }

    /**
     * What the fees depend on: copies (1 to {@value #MAX_COPIES}), pages where a fee counts them, an
     * exemption the procedure's fees allow, the event's day where a fee is owed only on late
     * registration (not after today).
     */
    private static FeeRequest feeRequest(SubmissionRequest request, Procedure procedure, Channel channel, LocalDate today,
                                         List<FieldError> errors) {
        int copies = 1;
        if (request.copies() != null) {
            if (request.copies() < 1 || request.copies() > MAX_COPIES) {
                errors.add(new FieldError("copies", "Số bản kết quả từ 1 đến " + MAX_COPIES));
            } else {
                copies = request.copies();
            }
        }
        Integer pages = null;
        if (request.pages() != null) {
            if (request.pages() < 1 || request.pages() > Fees.MAX_PAGES) {
                errors.add(new FieldError("pages", "Số trang từ 1 đến " + Fees.MAX_PAGES));
            } else {
                pages = request.pages();
            }
        } else if (procedure != null && procedure.countsPages()) {
            errors.add(new FieldError("pages", "Bắt buộc nhập số trang của giấy tờ: phí của thủ tục " + procedure.code() + " tính theo trang"));
        }
        FeeExemption exemption = null;
        if (request.feeExemption() != null && !request.feeExemption().isBlank()) {
            exemption = java.util.Arrays.stream(FeeExemption.values()).filter(e -> e.name().equals(request.feeExemption())).findFirst().orElse(null);
            if (exemption == null) {
                errors.add(new FieldError("feeExemption", "Đối tượng miễn phí không hợp lệ; một trong: "
                        + java.util.Arrays.stream(FeeExemption.values()).map(Enum::name).collect(Collectors.joining(", "))));
            } else if (procedure != null && !procedure.exemptions().contains(exemption)) {
                errors.add(new FieldError("feeExemption", "Phí, lệ phí của thủ tục " + procedure.code() + " không miễn cho " + exemption.label()));
                exemption = null;
            }
        }
        LocalDate eventDate = null;
        if (request.eventDate() != null && !request.eventDate().isBlank()) {
            try {
                eventDate = LocalDate.parse(request.eventDate().length() > 10 ? "x" : request.eventDate());
                if (eventDate.isAfter(today)) {
                    errors.add(new FieldError("eventDate", "Ngày sinh, ngày chết không được sau hôm nay"));
                } else if (eventDate.getYear() < 1900) {
                    errors.add(new FieldError("eventDate", "Ngày sinh, ngày chết không được trước năm 1900"));
                }
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(new FieldError("eventDate", "Ngày không hợp lệ (định dạng yyyy-MM-dd)"));
            }
        } else if (procedure != null && procedure.needsEventDate()) {
            errors.add(new FieldError("eventDate", "Bắt buộc nhập ngày sinh hoặc ngày chết (yyyy-MM-dd): lệ phí của thủ tục "
                    + procedure.code() + " tùy việc đăng ký đúng hạn hay quá hạn"));
        }
        return new FeeRequest(copies, pages, exemption, eventDate, today, channel == Channel.ONLINE);
    }

    /** Each paper the catalog requires of the procedure must be among the components, by its name. */
    private static void requiredPapers(Procedure procedure, List<SubmissionRequest.Component> components, List<FieldError> errors) {
        Set<String> given = components.stream()
                .filter(c -> c != null && !blank(c.name()))
                .map(c -> paperName(c.name()))
                .collect(Collectors.toSet());
        for (Procedure.Component paper : procedure.components()) {
            if (paper.required() && !given.contains(paperName(paper.name()))) {
                errors.add(new FieldError("components", "Thiếu giấy tờ bắt buộc của thủ tục " + procedure.code() + ": " + paper.name()));
            }
        }
    }

    /** A paper's name as it is compared: however its diacritics were typed, its case and its spaces. */
    private static String paperName(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(VIETNAMESE);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String allowed, List<FieldError> errors) {
        if (blank(value)) {
            errors.add(new FieldError(field, "Bắt buộc chọn một trong " + allowed));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "Giá trị " + abbreviate(value) + " không hợp lệ; chọn một trong " + allowed));
            return null;
        }
    }

    private static Optional<String> text(String value, String field, String what, int max, List<FieldError> errors) {
        if (blank(value)) {
            errors.add(new FieldError(field, "Bắt buộc nhập " + what));
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "Tối đa " + max + " ký tự"));
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    record ValidSubmission(Procedure procedure, CommuneInfo commune, Channel channel, ReturnMethod returnMethod,
                           FeeRequest feeRequest, FeeQuote fees,
                           SubmissionRequest.Applicant applicant, List<SubmissionRequest.Component> components) {
    }
}
