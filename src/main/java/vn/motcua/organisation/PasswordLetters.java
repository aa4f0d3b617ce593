package vn.motcua.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends an official their login and initial password by e-mail when SMTP is configured
 * ({@code spring.mail.host}), after the provisioning has committed. A letter that cannot be sent
 * falls back to the admin's password file, so no password is ever lost.
 */
@Component
class PasswordLetters {

    private static final Logger log = LoggerFactory.getLogger(PasswordLetters.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String tasklistUrl;

    PasswordLetters(ObjectProvider<JavaMailSender> mail,
                    @Value("${motcua.mail.from:motcua@localhost}") String from,
                    @Value("${motcua.public-url:http://localhost:8080}") String publicUrl) {
        this.mail = mail;
        this.from = from;
        this.tasklistUrl = publicUrl + "/camunda/app/tasklist/";
    }

    boolean enabled() {
        return mail.getIfAvailable() != null;
    }

    /** Sends once the provisioning commits; on failure the password goes to the file instead. */
    void sendAfterCommit(String userId, String fullName, String email, String password, Runnable fallback) {
        Runnable send = () -> {
            try {
                SimpleMailMessage letter = new SimpleMailMessage();
                letter.setFrom(from);
                letter.setTo(email);
                letter.setSubject("Tài khoản xử lý hồ sơ một cửa của " + fullName);
                letter.setText("Kính gửi " + fullName + ",\n\n"
                        + "Tài khoản của anh/chị trên hệ thống xử lý hồ sơ một cửa đã được tạo.\n"
                        + "  Tên đăng nhập: " + userId + "\n"
                        + "  Mật khẩu ban đầu: " + password + "\n"
                        + "  Địa chỉ đăng nhập: " + tasklistUrl + "\n\n"
                        + "Anh/chị vui lòng đổi mật khẩu ngay sau lần đăng nhập đầu tiên (mục Thông tin cá nhân).\n"
                        + "Thư này được gửi tự động, vui lòng không trả lời.\n");
                mail.getObject().send(letter);
            } catch (MailException e) {
                log.warn("Initial password of {} could not be mailed ({}); written to the password file instead", userId, e.getMessage());
                fallback.run();
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }
}
