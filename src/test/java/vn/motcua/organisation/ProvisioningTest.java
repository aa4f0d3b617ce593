package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.organisation.OrgChart.Official;

/** The demo province is provisioned at start-up; provisioning again changes only what changed. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@DirtiesContext
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ProvisioningTest {

    @Autowired Provisioner provisioner;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;

    @Test
    void theDemoProvinceIsLiveAfterStartUp() {
        assertThat(identity.createTenantQuery().list()).extracting("id").contains("thuc-phan", "nung-tri-cao", "tan-giang");
        assertThat(identity.createUserQuery().memberOfGroup("tan-giang:vp:specialist").list()).extracting("id")
                .containsExactlyInAnyOrder("tan-giang.vp.specialist1", "tan-giang.vp.specialist2");
        assertThat(identity.checkPassword("tan-giang.reception", "demo")).isTrue();
        assertThat(identity.checkPassword("admin", "demo")).isTrue();
        assertThat(identity.createUserQuery().userId("tan-giang.reception").singleResult().getFirstName()
                + " " + identity.createUserQuery().userId("tan-giang.reception").singleResult().getLastName())
                .isEqualTo("Nguyễn Thị Thu Trang");
        assertThat(identity.createTenantQuery().groupMember("tan-giang:reception").list()).extracting("id").containsExactly("tan-giang");
        // the permissions every official has are granted once, province-wide, not per commune (Provisioner.OFFICIALS_GROUP)
        List<String> groups = identity.createGroupQuery().groupMember("tan-giang.reception").list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        assertThat(groups).containsExactlyInAnyOrder("tan-giang:reception", Provisioner.OFFICIALS_GROUP, Provisioner.ONE_STOP_GROUP);
        assertThat(authorizations.isUserAuthorized("tan-giang.reception", groups,
                Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizations.isUserAuthorized("tan-giang.reception", groups,
                Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn("tan-giang:reception", "tan-giang:leader", "tan-giang:vp:head")
                .resourceId("*").count()).as("no per-commune grant on every resource").isZero();
        assertThat(filters.createFilterQuery().list()).extracting("name").containsExactlyInAnyOrder(
                "Việc cần xử lý", "Hồ sơ chờ tiếp nhận", "Hồ sơ của tôi", "Hồ sơ của phòng", "Sắp đến hạn", "Quá hạn",
                "Sắp đến hạn (toàn xã, phường)", "Quá hạn (toàn xã, phường)", "Chờ phê duyệt");
    }

    @Test
    void theServicesLogsMaskCitizensIdAndPhoneNumbers(org.springframework.boot.test.system.CapturedOutput output) {
        org.slf4j.LoggerFactory.getLogger("vn.motcua.test").warn("Hồ sơ của công dân 001190012345, điện thoại 0912345678");
        assertThat(output.getOut()).contains("Hồ sơ của công dân *********345, điện thoại *******678")
                .doesNotContain("001190012345").doesNotContain("0912345678");
    }

    @Test
    void provisioningTheSameChartAgainChangesNothingAndAChangedRowChangesOnlyThatUser() throws Exception {
        OrgChart chart;
        try (InputStream in = getClass().getResourceAsStream("/demo/cao-bang.yaml")) {
            chart = OrgChartReader.read(in, "demo");
        }
        assertThat(provisioner.apply(chart, (id, name, email) -> "demo")).isEmpty();

        List<OrgChart.Commune> communes = new ArrayList<>(chart.communes());
        OrgChart.Commune tanGiang = communes.get(2);
        List<Official> officials = new ArrayList<>(tanGiang.officials());
        Official first = officials.get(0);
        officials.set(0, new Official(first.id(), "Nguyễn Thị Thu Thảo", first.role(), first.department(), first.title(),
                "thao@example.vn", first.phone()));
        communes.set(2, new OrgChart.Commune(tanGiang.code(), tanGiang.name(), tanGiang.agencyId(), tanGiang.departments(), officials));

        assertThat(provisioner.apply(new OrgChart(chart.province(), communes), (id, name, email) -> "demo"))
                .containsExactly("user tan-giang.reception updated");
        assertThat(identity.createUserQuery().userId("tan-giang.reception").singleResult().getLastName()).isEqualTo("Thảo");
        assertThat(identity.checkPassword("tan-giang.reception", "demo")).isTrue();
    }

    @Test
    void aFilterLeftByAnEarlierReleaseIsBroughtUpToDate() throws Exception {
        OrgChart chart;
        try (InputStream in = getClass().getResourceAsStream("/demo/cao-bang.yaml")) {
            chart = OrgChartReader.read(in, "demo");
        }
        var overdue = filters.createFilterQuery().filterName("Quá hạn").singleResult();
        java.util.Map<String, Object> original = overdue.getProperties();
        overdue.setProperties(java.util.Map.of("priority", 50));
        overdue.setQuery(filters.createFilterQuery().filterName("Việc cần xử lý").singleResult().getQuery());
        filters.saveFilter(overdue);

        // (another test of this class may have renamed an official in the same database: only filters matter here)
        assertThat(provisioner.apply(chart, (id, name, email) -> "demo")).filteredOn(c -> c.startsWith("filter"))
                .containsExactly("filter \"Quá hạn\" updated");
        var restored = filters.createFilterQuery().filterName("Quá hạn").singleResult();
        assertThat(restored.getProperties()).isEqualTo(original);
        // it lists the official's own groups' tasks (currentUserGroups()), so it is counted as an official
        identity.setAuthentication("tan-giang.reception", List.of("tan-giang:reception", Provisioner.OFFICIALS_GROUP));
        try {
            assertThat(filters.count(restored.getId())).isZero();
        } finally {
            identity.clearAuthentication();
        }
        assertThat(provisioner.apply(chart, (id, name, email) -> "demo")).filteredOn(c -> c.startsWith("filter")).isEmpty();
    }
}
