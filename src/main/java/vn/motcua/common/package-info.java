/**
 * The small vocabulary every feature shares, depending on no other package of motcua: a rejected
 * request and its field errors, the rule for the texts clients send, dates and money as Vietnamese
 * documents write them.
 */
package vn.motcua.common;
