package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With SMTP configured, new officials get their login and initial password by e-mail (a real SMTP server). */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class MailedPasswordsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
        registry.add("motcua.provisioning.password-file", () -> "target/mailed-test-passwords.txt");
    }

    @Autowired Provisioning provisioning;
    @Autowired IdentityService identity;

    @Test
    void newOfficialsReceiveTheirPasswordByMailAndThoseWithoutAnAddressGoToTheFile() throws Exception {
        Path file = Path.of("target/mailed-test-passwords.txt");
        Files.deleteIfExists(file);
        String csv = vn.motcua.support.DemoCsv.of("thuc-phan")
                + "Nguyễn Thị Hồng Nhung,thuc-phan,kt,specialist,nhung@example.vn,0912345678\n"
                + "Trần Văn Bình,thuc-phan,kt,specialist,,\n";
        Provisioning.Report report = provisioning.run("nhan-su.csv", csv.getBytes(StandardCharsets.UTF_8), Provisioning.Format.CSV);
        assertThat(report.passwordsIssued()).isEqualTo(2);
        assertThat(report.passwordsMailed()).isEqualTo(1);

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage letter = smtp.getReceivedMessages()[0];
        assertThat(letter.getAllRecipients()[0].toString()).isEqualTo("nhung@example.vn");
        assertThat(letter.getSubject()).isEqualTo("Tài khoản xử lý hồ sơ một cửa của Nguyễn Thị Hồng Nhung");
        String body = GreenMailUtil.getBody(letter);
        String text = new String(jakarta.mail.internet.MimeUtility.decode(
                new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), "quoted-printable").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(text).contains("Tên đăng nhập: thuc-phan.kt.specialist3");
        Matcher password = Pattern.compile("Mật khẩu ban đầu: (\\S+)").matcher(text);
        assertThat(password.find()).isTrue();
        assertThat(identity.checkPassword("thuc-phan.kt.specialist3", password.group(1))).isTrue();

        assertThat(Files.readString(file)).contains("thuc-phan.kt.specialist4\t").doesNotContain("specialist3");
    }
}
