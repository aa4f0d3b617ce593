package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.SubmissionRequest;
import vn.motcua.support.Submissions;

/** A whole province provisioned from one file, then kept in step with the HR spreadsheet. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class ProvinceProvisioningTest {

    @Autowired Provisioning provisioning;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired DossierSubmission submission;

    @Test
    void aHundredCommunesOfThirtyOfficialsAreLiveWithinAMinuteAndASecondRunChangesNothing() {
        byte[] province = province(100, 30).getBytes(StandardCharsets.UTF_8);
        Provisioning.Report first = provisioning.run("tinh-thu-nghiem.yaml", province, Provisioning.Format.YAML);
        System.out.printf("PROVISIONING 100 communes x 30 officials: %d ms, %d changes, %d passwords issued%n",
                first.millis(), first.changes().size(), first.passwordsIssued());
        assertThat(first.officials()).isEqualTo(3000);
        assertThat(first.passwordsIssued()).isEqualTo(3000);
        assertThat(first.millis()).as("the issue's bound on the CI machine").isLessThan(60_000);
        assertThat(identity.createUserQuery().memberOfGroup("xa-042:kt:specialist").count()).isEqualTo(8);
        assertThat(identity.createTenantQuery().tenantId("xa-100").count()).isOne();

        Provisioning.Report second = provisioning.run("tinh-thu-nghiem.yaml", province, Provisioning.Format.YAML);
        System.out.printf("PROVISIONING again: %d ms, %d changes%n", second.millis(), second.changes().size());
        assertThat(second.changes()).isEmpty();
        assertThat(second.passwordsIssued()).isZero();
    }

    @Test
    void aCsvWithABrokenRowReportsThatRowAndAppliesNothing() {
        long users = identity.createUserQuery().count();
        String csv = """
                Họ và tên,Xã/phường,Phòng,Vai trò,Email,Điện thoại
                Trần Văn Mới,Phường Tân Giang,Văn phòng HĐND và UBND,Chuyên viên,moi@example.vn,0912000001
                Lê Thị Sai,Phường Không Có,kt,specialist,sai@example.vn,0912000002
                Phạm Văn Đúng,tan-giang,kt,vai trò lạ,dung@example.vn,0912000003
                """;
        assertThatThrownBy(() -> provisioning.run("nhan-su.csv", csv.getBytes(StandardCharsets.UTF_8), Provisioning.Format.CSV))
                .isInstanceOf(OrgChartException.class)
                .satisfies(e -> assertThat(((OrgChartException) e).problems()).containsExactly(
                        "line 3: no commune or ward \"Phường Không Có\" is provisioned",
                        "line 4: role \"vai trò lạ\" is not reception, head, specialist or leader"));
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
    }

    @Test
    void aChangedRowChangesOnlyThatUserAndARemovedOfficialIsDisabledWithTheirTasksBackToTheGroup() {
        // a dossier of Nùng Trí Cao waits at its head
        DossierView dossier = submission.submit(new ObjectMapper().convertValue(
                Submissions.birthRegistration("nung-tri-cao", "COUNTER"), SubmissionRequest.class));
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(dossier.code()).rootProcessInstances().singleResult().getId();
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(dossier.code()).singleResult().getId(), Map.of("receptionDecision", "ACCEPT"));
        Task atHead = tasks.createTaskQuery().processInstanceBusinessKey(dossier.code()).singleResult();
        assertThat(atHead.getAssignee()).isEqualTo("nung-tri-cao.vp.head");

        String csv = vn.motcua.support.DemoCsv.of("nung-tri-cao").replace("Vi Văn Thắng,", "Vi Văn Thắng,")
                .replace("Lâm Thị Huyền,nung-tri-cao,vp,specialist,,", "Lâm Thị Huyền,nung-tri-cao,vp,specialist,huyen@example.vn,")
                .lines().filter(line -> !line.startsWith("Vi Văn Thắng,")).reduce("", (a, b) -> a + b + "\n");
        Provisioning.Report report = provisioning.run("nung-tri-cao.csv", csv.getBytes(StandardCharsets.UTF_8), Provisioning.Format.CSV);
        assertThat(report.changes()).containsExactlyInAnyOrder(
                "user nung-tri-cao.vp.specialist1 updated",
                "user nung-tri-cao.vp.head disabled (1 open tasks back to their groups)");

        Task released = tasks.createTaskQuery().taskId(atHead.getId()).singleResult();
        assertThat(released.getAssignee()).isNull();
        assertThat(tasks.getIdentityLinksForTask(released.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("nung-tri-cao:vp:head"));
        assertThat(identity.createUserQuery().userId("nung-tri-cao.vp.head").count()).as("never deleted").isOne();
        assertThat(identity.checkPassword("nung-tri-cao.vp.head", "demo")).isFalse();
        assertThat(identity.createGroupQuery().groupMember("nung-tri-cao.vp.head").count()).isZero();
        assertThat(identity.createUserQuery().userId("nung-tri-cao.vp.specialist1").singleResult().getEmail())
                .isEqualTo("huyen@example.vn");

        Provisioning.Report again = provisioning.run("nung-tri-cao.csv", vn.motcua.support.DemoCsv.of("nung-tri-cao")
                .getBytes(StandardCharsets.UTF_8), Provisioning.Format.CSV);
        assertThat(again.changes()).contains("user nung-tri-cao.vp.head enabled again", "user nung-tri-cao.vp.head joined nung-tri-cao:vp:head");
        assertThat(again.passwordsIssued()).isOne();
    }

    /** A province of n communes, each with three departments and m officials. */
    static String province(int communes, int officialsEach) {
        List<String> family = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Nông", "Bế", "Lương");
        List<String> given = List.of("Văn Hùng", "Thị Lan", "Minh Đức", "Thu Trang", "Quốc Bảo", "Thị Hằng", "Văn Toàn", "Ngọc Ánh");
        StringBuilder yaml = new StringBuilder("province: { code: tinh-thu-nghiem, name: Tỉnh Thử Nghiệm }\ncommunes:\n");
        int person = 0;
        for (int i = 1; i <= communes; i++) {
            yaml.append(String.format("  - code: xa-%03d%n    name: Xã Thử Nghiệm %03d%n    agencyId: \"%03d.50.01.H99\"%n", i, i, i));
            yaml.append("    departments:\n      - { code: vp, name: Văn phòng HĐND và UBND }\n      - { code: kt, name: Phòng Kinh tế }\n"
                    + "      - { code: vhxh, name: Phòng Văn hóa - Xã hội }\n    officials:\n");
            String[] depts = {"vp", "kt", "vhxh"};
            for (int k = 0; k < officialsEach; k++, person++) {
                String name = family.get(person % family.size()) + " " + given.get((person / family.size()) % given.size());
                String role;
                if (k < 2) role = "role: reception";
                else if (k == 2) role = "role: leader";
                else {
                    int j = k - 3;
                    String dept = depts[j % 3];
                    role = (j < 3 ? "role: head" : "role: specialist") + ", department: " + dept;
                }
                yaml.append("      - { fullName: ").append(name).append(", ").append(role).append(" }\n");
            }
        }
        return yaml.toString();
    }
}
