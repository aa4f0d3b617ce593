package vn.motcua.dossier;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.motcua.common.FieldError;
import vn.motcua.process.DossierProcess.Var;

/**
 * The rule of a fee taken in cash at the one-stop: exactly the amount due (no more, no less, never
 * negative) and the number of the receipt handed to the citizen. It decides from the raw task
 * variables, whatever type a client sent, so the engine's completion guard, the delegate that
 * records the payment and the tests all apply the same rule.
 *
 * <pre>{@code
 * FeeCheck fee = FeeCheck.check(due, task.getVariable("feePaid"), task.getVariable("receiptNumber"));
 * if (!fee.ok()) throw new RejectedCompletion(fee.message());
 * }</pre>
 */
public final class FeeCheck {

    public static final int RECEIPT_MAX_LENGTH = vn.motcua.process.ProcessContract.FEE_RECEIPT_LENGTH;
    /** Letters and digits, with dashes, dots, slashes and spaces between them: "BL-0001", "0012/BLTP 2026". */
    private static final Pattern RECEIPT = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N} ./-]*[\\p{L}\\p{N}])?");

    private final List<FieldError> errors;
    private final long amount;
    private final String receipt;

    private FeeCheck(List<FieldError> errors, long amount, String receipt) {
        this.errors = List.copyOf(errors);
        this.amount = amount;
        this.receipt = receipt;
    }

    /**
     * @param due     the amount due in đồng (the process variable {@code feeAmount})
     * @param paid    what the official entered as {@code feePaid}: a whole number of đồng
     * @param receipt what the official entered as {@code receiptNumber}
     */
    public static FeeCheck check(long due, Object paid, Object receipt) {
        List<FieldError> errors = new ArrayList<>();
        BigInteger amount = amount(paid, errors);
        if (amount != null) {
            if (amount.signum() < 0) {
                errors.add(new FieldError(Var.FEE_PAID, "Số tiền đã thu không được âm (đã nhập " + money(amount) + ")"));
            } else if (amount.compareTo(BigInteger.valueOf(due)) < 0) {
                errors.add(new FieldError(Var.FEE_PAID, "Thu thiếu: phải thu đúng " + money(BigInteger.valueOf(due))
                        + ", đã nhập " + money(amount)));
            } else if (amount.compareTo(BigInteger.valueOf(due)) > 0) {
                errors.add(new FieldError(Var.FEE_PAID, "Thu thừa: phải thu đúng " + money(BigInteger.valueOf(due))
                        + ", đã nhập " + money(amount)));
            }
        }
        String number = receipt(receipt, errors);
        return new FeeCheck(errors, errors.isEmpty() ? amount.longValueExact() : 0, errors.isEmpty() ? number : null);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Each refused field ({@code feePaid}, {@code receiptNumber}) with the reason, in Vietnamese. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The errors in one line, as the official sees it in Tasklist: {@code "feePaid: Thu thiếu: …; receiptNumber: …"}. */
    public String message() {
        return errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; "));
    }

    /** The amount taken, in đồng; only for a payment that passed. */
    public long amount() {
        requireOk();
        return amount;
    }

    /** The receipt number as it is recorded (trimmed); only for a payment that passed. */
    public String receipt() {
        requireOk();
        return receipt;
    }

    /** "5.000 đồng", as Vietnamese documents write money. */
    public static String money(long amount) {
        return money(BigInteger.valueOf(amount));
    }

    private static String money(BigInteger amount) {
        return String.format("%,d", amount).replace(',', '.') + " đồng";
    }

    private void requireOk() {
        if (!ok()) throw new IllegalStateException("The payment was refused: " + message());
    }

    /** A whole number of đồng, whether it came as a number or as the digits of one; null after an error. */
    private static BigInteger amount(Object paid, List<FieldError> errors) {
        BigInteger amount = null;
        if (paid instanceof Integer || paid instanceof Long || paid instanceof Short || paid instanceof Byte) {
            amount = BigInteger.valueOf(((Number) paid).longValue());
        } else if (paid instanceof BigInteger b) {
            amount = b;
        } else if (paid instanceof BigDecimal d) {
            amount = whole(d);
        } else if (paid instanceof Double || paid instanceof Float) {
            double d = ((Number) paid).doubleValue();
            amount = Double.isFinite(d) ? whole(BigDecimal.valueOf(d)) : null;
        } else if (paid instanceof String s && s.strip().matches("-?[0-9]{1,30}")) {
            amount = new BigInteger(s.strip());
        }
        if (amount != null) return amount;
        if (paid == null || paid instanceof String s && s.isBlank()) {
            errors.add(new FieldError(Var.FEE_PAID, "Bắt buộc: nhập số tiền đã thu (đồng)"));
        } else {
            errors.add(new FieldError(Var.FEE_PAID, "Số tiền đã thu phải là một số nguyên đồng (đã nhập: " + shorten(paid) + ")"));
        }
        return null;
    }

    private static BigInteger whole(BigDecimal d) {
        try {
            return d.toBigIntegerExact();
        } catch (ArithmeticException fraction) {
            return null;
        }
    }

    private static String receipt(Object receipt, List<FieldError> errors) {
        if (receipt == null || receipt instanceof String s && s.isBlank()) {
            errors.add(new FieldError(Var.RECEIPT_NUMBER, "Bắt buộc: nhập số biên lai đã giao cho công dân"));
            return null;
        }
        if (!(receipt instanceof String text)) {
            errors.add(new FieldError(Var.RECEIPT_NUMBER, "Số biên lai phải là chuỗi ký tự"));
            return null;
        }
        String number = text.strip();
        if (number.length() > RECEIPT_MAX_LENGTH) {
            errors.add(new FieldError(Var.RECEIPT_NUMBER, "Số biên lai dài tối đa " + RECEIPT_MAX_LENGTH + " ký tự (đã nhập "
                    + number.length() + ")"));
            return null;
        }
        if (!RECEIPT.matcher(number).matches()) {
            errors.add(new FieldError(Var.RECEIPT_NUMBER,
                    "Số biên lai chỉ gồm chữ, số và các dấu gạch ngang (-), chấm (.), gạch chéo (/), khoảng trắng giữa chúng"));
            return null;
        }
        return number;
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
