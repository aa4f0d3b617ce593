package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The service refuses to start when the catalog, the BPMN files and the forms disagree. */
class CatalogConsistencyTest {

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    @Test
    void theShippedCatalogAgreesWithItsProcessesAndForms() throws IOException {
        ProcedureCatalog catalog = ProcedureCatalog.load(resolver.getResource("classpath:processes/catalog.yaml"));
        assertThat(CatalogConsistency.problems(catalog, bpmn(), forms())).isEmpty();
        assertThat(catalog.find("1.001193")).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("Đăng ký khai sinh");
            assertThat(p.limit().unit()).isEqualTo(LimitUnit.SAME_DAY);
        });
    }

    @Test
    void aMissingProcessAStepWithoutAShareAndABadTotalAreReported() throws IOException {
        ProcedureCatalog catalog = catalog("""
                departments: { vp: Văn phòng HĐND và UBND }
                retention: { period: P10Y, basis: "Luật thử" }
                procedures:
                  - code: "1.000001"
                    name: Thủ tục thử
                    department: vp
                    limit: { value: 3, unit: WORKING_DAYS, basis: "Luật thử" }
                    returnMethods: [COUNTER]
                    processKey: khong-co
                    resolution: giai-quyet-phong
                  - code: "1.001193"
                    name: Đăng ký khai sinh
                    department: vp
                    limit: { value: 1, unit: SAME_DAY, basis: "Luật thử" }
                    returnMethods: [COUNTER]
                    processKey: thu-tuc
                    resolution: giai-quyet-phong
                    steps:
                      Task_ReceptionCheck: 50
                      Task_NotInTheDiagram: 10
                """);
        List<String> problems = CatalogConsistency.problems(catalog, bpmn(), forms());
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("process khong-co is not in processes/"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("user task Task_AppraiseDossier has no share"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("step Task_NotInTheDiagram is not a user task"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("add up to 60 %"));
    }

    @Test
    void aUserTaskWithoutAFormOrWithAMissingFormIsReported() throws IOException {
        Resource diagram = new ByteArrayResource("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
                  <bpmn:process id="thu" isExecutable="true">
                    <bpmn:userTask id="Task_NoForm" />
                    <bpmn:userTask id="Task_LostForm" camunda:formRef="Form_Lost" />
                  </bpmn:process>
                </bpmn:definitions>
                """.getBytes(StandardCharsets.UTF_8), "thu.bpmn") {
            @Override
            public String getFilename() {
                return "thu.bpmn";
            }
        };
        ProcedureCatalog catalog = catalog("""
                departments: { vp: Văn phòng HĐND và UBND }
                retention: { period: P10Y, basis: "Luật thử" }
                procedures:
                  - code: "1.000002"
                    name: Thủ tục thử
                    department: vp
                    limit: { value: 3, unit: WORKING_DAYS, basis: "Luật thử" }
                    returnMethods: [COUNTER]
                    processKey: thu
                    resolution: giai-quyet-phong
                    steps: { Task_NoForm: 50, Task_LostForm: 50 }
                """);
        List<String> problems = CatalogConsistency.problems(catalog, new Resource[] {diagram}, forms());
        assertThat(problems).containsExactlyInAnyOrder(
                "thu.bpmn: process thu has no historyTimeToLive",
                "thu.bpmn: user task Task_NoForm has no form (camunda:formRef)",
                "thu.bpmn: user task Task_LostForm refers to form Form_Lost, which is not in forms/");
    }

    @Test
    void aCatalogEntryWithoutItsEssentialsIsRefusedOnLoad() {
        assertThatThrownBy(() -> catalog("""
                departments: { vp: Văn phòng HĐND và UBND }
                retention: { period: P10Y, basis: "Luật thử" }
                procedures:
                  - code: "1.000003"
                    limit: { value: 0, unit: WORKING_DAYS, basis: "Luật thử" }
                """))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("name is missing")
                .hasMessageContaining("processKey is missing")
                .hasMessageContaining("limit needs a value of at least 1");
    }

    @Test
    void anUnknownDepartmentAFeeRuleThatCannotBeEvaluatedAndAProcedureBpmnWithoutAnEntryAreRefused() throws IOException {
        assertThatThrownBy(() -> catalog("""
                departments: { vp: Văn phòng HĐND và UBND }
                retention: { period: P10Y, basis: "Luật thử" }
                procedures:
                  - code: "1.000004"
                    name: Thủ tục thử
                    department: tu-phap
                    limit: { value: 3, unit: WORKING_DAYS }
                    returnMethods: [COUNTER]
                    processKey: thu
                    resolution: giai-quyet-phong
                    fees:
                      - { code: PHI, name: Phí thử, per: PAGE, basis: "Thông tư thử" }
                      - { code: LP, name: Lệ phí thử, amount: 1000 }
                    components:
                      - { name: Tờ khai, required: true }
                      - { name: "tờ khai ", required: false }
                """))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("department tu-phap is not one of the catalog's departments [vp]")
                .hasMessageContaining("the limit's legal basis is missing")
                .hasMessageContaining("fee PHI: per PAGE needs tiers")
                .hasMessageContaining("fee LP: the legal basis is missing")
                .hasMessageContaining("paper \"tờ khai \" is listed twice");
        assertThatThrownBy(() -> catalog("""
                departments: { vp: Văn phòng HĐND và UBND }
                retention: { period: P10Y, basis: "Luật thử" }
                procedures:
                  - code: "1.000005"
                    name: Thủ tục thử
                    department: vp
                    limit: { value: 3, unit: WORKING_DAYS, basis: "Luật thử" }
                    returnMethods: [COUNTER]
                    processKey: thu
                    resolution: giai-quyet-phong
                    fees:
                      - { code: PHI, name: Phí thử, amount: 5000, per: COPY, tiers: [{ fromPage: 1, amount: 100 }], basis: "TT" }
                """))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("fee PHI: tiers only apply per PAGE");
        // a procedure's own BPMN outside processes/chung/ that no catalog entry names
        ProcedureCatalog real = ProcedureCatalog.load(resolver.getResource("classpath:processes/catalog.yaml"));
        String composition = resolver.getResource("classpath:processes/chung/thu-tuc.bpmn").getContentAsString(StandardCharsets.UTF_8);
        Resource stray = named("processes/ho-tich/ban-sao-cu.bpmn", composition.replace("\"thu-tuc\"", "\"ban-sao-cu\""));
        assertThat(CatalogConsistency.problems(real, with(bpmn(), stray), forms()))
                .contains("ban-sao-cu.bpmn: process ban-sao-cu is no procedure of the catalog (shared blocks live in processes/chung/)");
        assertThat(CatalogConsistency.problems(real, bpmn(), forms())).isEmpty();
    }

    @Test
    void theResolutionAndTheAgencyPartsAreTheCatalogsAndAreCheckedOnLoad() {
        String head = """
                departments: { vp: Văn phòng HĐND và UBND }
                retention: { period: P10Y, basis: "Luật thử" }
                procedures:
                  - code: "1.000006"
                    name: Thủ tục thử
                    department: vp
                    limit: { value: 3, unit: WORKING_DAYS, basis: "Luật thử" }
                    returnMethods: [COUNTER]
                    processKey: thu-tuc
                """;
        assertThatThrownBy(() -> catalog(head)).hasMessageContaining("resolution is missing");
        assertThatThrownBy(() -> catalog(head + "    resolution: giai-quyet\n"))
                .hasMessageContaining("resolution giai-quyet is not one of [giai-quyet-phong, giai-quyet-rut-gon, giai-quyet-tai-cho, giai-quyet-lien-thong]");
        assertThatThrownBy(() -> catalog(head + "    resolution: giai-quyet-lien-thong\n"))
                .hasMessageContaining("an inter-agency resolution needs agencyParts");
        assertThatThrownBy(() -> catalog(head + "    resolution: giai-quyet-phong\n    agencyParts: [THUONG_TRU]\n"))
                .hasMessageContaining("agencyParts belong to the inter-agency resolution");
        assertThatThrownBy(() -> catalog(head + "    resolution: giai-quyet-lien-thong\n    agencyParts: [THUONG_TRU, CAP_SO_DO, THUONG_TRU]\n"))
                .hasMessageContaining("agency part CAP_SO_DO is not one of")
                .hasMessageContaining("agency part THUONG_TRU is listed twice");
        assertThatThrownBy(() -> catalog(head + "    resolution: giai-quyet-tai-cho\n    financialObligation: true\n"))
                .hasMessageContaining("financialObligation needs the department resolution");
        assertThat(catalog(head + "    resolution: giai-quyet-lien-thong\n    agencyParts: [THUONG_TRU, THE_BHYT]\n")
                .find("1.000006").orElseThrow().agencyParts()).containsExactly("THUONG_TRU", "THE_BHYT");
    }

    @Test
    void aDiagramThatMapsTheResolutionInIsReported() throws IOException {
        ProcedureCatalog real = ProcedureCatalog.load(resolver.getResource("classpath:processes/catalog.yaml"));
        Resource[] files = bpmn();
        for (int i = 0; i < files.length; i++) {
            if (files[i].getDescription().replace('\\', '/').contains("processes/chung/thu-tuc.bpmn")) {
                files[i] = named("processes/chung/thu-tuc.bpmn", files[i].getContentAsString(StandardCharsets.UTF_8).replace(
                        "<camunda:out source=\"resolutionOutcome\"",
                        "<camunda:in sourceExpression=\"giai-quyet-tai-cho\" target=\"resolutionBlock\" /><camunda:out source=\"resolutionOutcome\""));
            }
        }
        assertThat(CatalogConsistency.problems(real, files, forms())).contains(
                "process thu-tuc: call activity CallActivity_Resolution maps resolutionBlock in; the catalog says it (resolution, agencyParts) and the service loads it");
    }

    private static Resource named(String path, String xml) {
        return new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8), path) {
            @Override
            public String getFilename() {
                return path.substring(path.lastIndexOf('/') + 1);
            }
        };
    }

    private static Resource[] with(Resource[] files, Resource more) {
        Resource[] all = java.util.Arrays.copyOf(files, files.length + 1);
        all[files.length] = more;
        return all;
    }

    @Test
    void everyDelegateADiagramUsesHasAModelerTemplate() throws IOException {
        java.nio.file.Path templates = java.nio.file.Path.of("processes/.camunda/element-templates/motcua-delegates.json");
        java.util.Set<String> offered = new java.util.HashSet<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(templates.toFile())
                .forEach(t -> offered.add(t.get("properties").get(0).get("value").asText()));
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (Resource r : bpmn()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("camunda:delegateExpression=\"([^\"]+)\"")
                    .matcher(r.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) used.add(m.group(1));
        }
        assertThat(used).isNotEmpty();
        assertThat(offered).containsAll(used);
    }

    private Resource[] bpmn() throws IOException {
        return resolver.getResources("classpath*:processes/**/*.bpmn");
    }

    private Resource[] forms() throws IOException {
        return resolver.getResources("classpath*:forms/**/*.form");
    }

    private static ProcedureCatalog catalog(String yaml) {
        return ProcedureCatalog.load(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
