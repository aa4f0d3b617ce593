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
                procedures:
                  - code: "1.000001"
                    name: Thủ tục thử
                    department: vp
                    limit: { value: 3, unit: WORKING_DAYS, basis: "Luật thử" }
                    returnMethods: [COUNTER]
                    processKey: khong-co
                  - code: "1.001193"
                    name: Đăng ký khai sinh
                    department: vp
                    limit: { value: 1, unit: SAME_DAY, basis: "Luật thử" }
                    returnMethods: [COUNTER]
                    processKey: dang-ky-khai-sinh
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
                procedures:
                  - code: "1.000002"
                    name: Thủ tục thử
                    department: vp
                    limit: { value: 3, unit: WORKING_DAYS, basis: "Luật thử" }
                    returnMethods: [COUNTER]
                    processKey: thu
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
                procedures:
                  - code: "1.000004"
                    name: Thủ tục thử
                    department: tu-phap
                    limit: { value: 3, unit: WORKING_DAYS }
                    returnMethods: [COUNTER]
                    processKey: thu
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
                procedures:
                  - code: "1.000005"
                    name: Thủ tục thử
                    department: vp
                    limit: { value: 3, unit: WORKING_DAYS, basis: "Luật thử" }
                    returnMethods: [COUNTER]
                    processKey: thu
                    fees:
                      - { code: PHI, name: Phí thử, amount: 5000, per: COPY, tiers: [{ fromPage: 1, amount: 100 }], basis: "TT" }
                """))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("fee PHI: tiers only apply per PAGE");
        // the real diagrams against a catalog that lost one of its procedures: that BPMN has no entry
        ProcedureCatalog real = ProcedureCatalog.load(resolver.getResource("classpath:processes/catalog.yaml"));
        Procedure kept = real.all().iterator().next();
        String lost = real.all().stream().filter(p -> !p.processKey().equals(kept.processKey())).findFirst().orElseThrow().processKey();
        ProcedureCatalog smaller = new ProcedureCatalog(real.departments(),
                real.all().stream().filter(p -> !p.processKey().equals(lost)).toList());
        assertThat(CatalogConsistency.problems(smaller, bpmn(), forms()))
                .anySatisfy(problem -> assertThat(problem).endsWith("process " + lost
                        + " is no procedure of the catalog (shared blocks live in processes/chung/)"));
        assertThat(CatalogConsistency.problems(real, bpmn(), forms())).isEmpty();
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
