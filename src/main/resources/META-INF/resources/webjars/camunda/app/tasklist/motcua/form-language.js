/*
 * motcua: the forms in Vietnamese. Tasklist 7.24 embeds form-js 1.8.7, whose messages and
 * placeholders are English and whose dates follow the browser's language (mm/dd/yyyy in an
 * English browser). Dates: form-js asks Intl for the default locale's order, so the default
 * locale is made Vietnamese (dd/mm/yyyy) for the whole page. Messages: the English strings of
 * form-js 1.8.7 are replaced in place. Links in a form (documents, PDFs) open in a new tab so the
 * official never leaves Tasklist.
 */
import {onPageChange} from './engine-api.js';

const NativeDateTimeFormat = Intl.DateTimeFormat;
function VietnameseDateTimeFormat(locales, options) {
  const wanted = locales === undefined || locales === 'default' ? 'vi-VN' : locales;
  return new NativeDateTimeFormat(wanted, options);
}
VietnameseDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
VietnameseDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = VietnameseDateTimeFormat;

/** form-js 1.8.7's English texts (packages/form-js-viewer), in Vietnamese. */
export const MESSAGES = [
  [/^Field is required\.$/, 'Trường này bắt buộc.'],
  [/^Field must have minimum length of (\d+)\.$/, 'Cần ít nhất $1 ký tự.'],
  [/^Field must have maximum length of (\d+)\.$/, 'Tối đa $1 ký tự.'],
  [/^Field must have minimum value of (.+)\.$/, 'Giá trị nhỏ nhất là $1.'],
  [/^Field must have maximum value of (.+)\.$/, 'Giá trị lớn nhất là $1.'],
  [/^Field must match pattern .*$/, 'Giá trị không đúng định dạng.'],
  [/^Field must be a valid email\.$/, 'Địa chỉ e-mail không hợp lệ.'],
  [/^Field must be a valid {1,2}international phone number\..*$/, 'Số điện thoại không hợp lệ.'],
  [/^Value is not a number\.$/, 'Giá trị phải là một số.'],
  [/^Value is expected to be an integer\.$/, 'Giá trị phải là số nguyên.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'Tối đa $1 chữ số thập phân.'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    'Hãy chọn một giá trị hợp lệ; hai giá trị gần nhất là $1 và $2.'],
  [/^Date and time must both be entered\.$/, 'Cần nhập cả ngày và giờ.'],
  [/^Select$/, 'Chọn'],
  [/^Search$/, 'Tìm kiếm'],
  [/^No results$/, 'Không có kết quả'],
  [/^All values selected$/, 'Đã chọn hết'],
  [/^Nothing to show\.$/, 'Không có gì để hiển thị.'],
  [/^Remove tag$/, 'Bỏ chọn'],
  [/^Add new$/, 'Thêm'],
  [/^Remove list item (\d+)$/, 'Xóa mục $1'],
  [/^hh:mm$/, 'gg:pp']
];

export function translate(text) {
  const trimmed = text.trim();
  for (const [english, vietnamese] of MESSAGES) {
    if (english.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(english, vietnamese));
    }
  }
  return null;
}

function translateForms() {
  for (const form of document.querySelectorAll('.fjs-container')) {
    const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const vietnamese = node.textContent.trim() && translate(node.textContent);
      if (vietnamese !== null && vietnamese !== node.textContent) {
        node.textContent = vietnamese;
      }
    }
    for (const element of form.querySelectorAll('[placeholder], [title], [aria-label]')) {
      for (const attribute of ['placeholder', 'title', 'aria-label']) {
        const value = element.getAttribute(attribute);
        const vietnamese = value && translate(value);
        if (vietnamese !== null && vietnamese !== undefined && vietnamese !== value) {
          element.setAttribute(attribute, vietnamese);
        }
      }
    }
    for (const link of form.querySelectorAll('a[href]')) {
      if (link.getAttribute('target') !== '_blank') {
        link.setAttribute('target', '_blank');
        link.setAttribute('rel', 'noopener');
      }
    }
  }
}

onPageChange(translateForms, 50);

export default [];
