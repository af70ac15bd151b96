package org.patientportal.web.platform;

import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Bounds what a request may cost before anything reads its body (first in web.xml's filter order).
 *
 * <ul>
 *   <li>The HTTP listeners refuse anything above the upload ceiling outright (max-post-size,
 *       PORTAL_MAX_UPLOAD_BYTES; Undertow checks it while parsing the headers, so no handler can
 *       raise it for one path). Every request may carry at most the small limit
 *       (PORTAL_MAX_REQUEST_BYTES): a larger Content-Length is answered 413 unread, and a chunked
 *       body is cut off there. Only uploads, a signed-in user's POST to a page or API resource that
 *       takes files (a new message, a reply), may carry up to the ceiling.
 *   <li>A multipart body anywhere else (public pages, other views, a signed-out client) is refused
 *       unread with 415: nothing parses it into memory.
 *   <li>Only a few uploads larger than the small limit run at a time; the next one is answered 503
 *       with Retry-After (a page that says so, or a problem for the API) instead of queueing in
 *       memory. A message or reply within the small limit takes no place: sends are not bounded.
 *   <li>A form whose files exceed the Faces servlet's multipart-config cannot be read at all (the
 *       container refuses every parameter of it from then on), so the parts of an upload are read
 *       here first and a too-large one gets a page that says so (303).
 * </ul>
 */
public class RequestLimitFilter extends HttpFilter {

  static final String TOO_LARGE_PAGE = "/errors/too-large.xhtml";
  static final String BUSY_PAGE = "/errors/busy.xhtml";
  static final String RETRY_AFTER_SECONDS = "30";

  /** Where signed-in users send files: the compose and thread views, the threads API. */
  private static final Pattern UPLOADS =
      Pattern.compile("/messages/(compose|thread)\\.xhtml|/api/v1/threads(/\\d+/messages)?/?");

  private final RequestLimits limits;
  private final Semaphore uploads;

  public RequestLimitFilter() {
    this(RequestLimits.fromEnvironment());
  }

  RequestLimitFilter(RequestLimits limits) {
    this.limits = limits;
    this.uploads = new Semaphore(limits.concurrentUploads());
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getDispatcherType() != DispatcherType.REQUEST || !hasBody(req)) {
      chain.doFilter(req, res);
      return;
    }
    boolean upload = isUpload(req);
    if (isMultipart(req) && !upload) {
      refuse(
          req,
          res,
          HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
          "unsupported-media-type",
          "Files can be sent only to a message or a reply, signed in.");
      return;
    }
    long limit = upload ? limits.upload() : limits.request();
    if (req.getContentLengthLong() > limit) {
      tooLarge(req, res, upload, limit);
      return;
    }
    if (!upload) {
      // a chunked body (no Content-Length) stops at the small limit too
      ServletRequestContext.requireCurrent().getExchange().setMaxEntitySize(limits.request());
      chain.doFilter(req, res);
      return;
    }
    if (withinSmallLimit(req)) {
      // a message or reply without large files costs no more than any other request: it takes no
      // upload place, so sends are never held back by the bound on large uploads
      chain.doFilter(req, res);
      return;
    }
    if (!uploads.tryAcquire()) {
      busy(req, res);
      return;
    }
    try {
      if (isMultipart(req) && !isApi(req)) {
        if (req.getCharacterEncoding() == null) {
          req.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        try {
          req.getParts();
        } catch (IllegalStateException tooLarge) {
          tooLarge(req, res, true, limit);
          return;
        }
      }
      chain.doFilter(req, res);
    } finally {
      uploads.release();
    }
  }

  /** A signed-in user's POST to a path that takes files. */
  boolean isUpload(HttpServletRequest req) {
    return "POST".equals(req.getMethod())
        && req.getUserPrincipal() != null
        && UPLOADS.matcher(path(req)).matches();
  }

  /** A body whose declared length is within the small limit (a chunked one may be larger). */
  boolean withinSmallLimit(HttpServletRequest req) {
    long length = req.getContentLengthLong();
    return length >= 0 && length <= limits.request();
  }

  static boolean hasBody(HttpServletRequest req) {
    return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
  }

  static boolean isMultipart(HttpServletRequest req) {
    String type = req.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  static boolean isApi(HttpServletRequest req) {
    return path(req).startsWith("/api/");
  }

  private static String path(HttpServletRequest req) {
    return req.getRequestURI().substring(req.getContextPath().length());
  }

  private void tooLarge(HttpServletRequest req, HttpServletResponse res, boolean upload, long limit)
      throws IOException {
    if (upload && !isApi(req)) {
      close(res);
      res.setStatus(HttpServletResponse.SC_SEE_OTHER);
      res.setHeader("Location", req.getContextPath() + TOO_LARGE_PAGE);
      return;
    }
    refuse(
        req,
        res,
        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        "too-large",
        "The request is larger than the portal accepts here ("
            + limit / RequestLimits.MB
            + " MB).");
  }

  private static void busy(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    if (!isApi(req)) {
      close(res);
      res.setStatus(HttpServletResponse.SC_SEE_OTHER);
      res.setHeader("Location", req.getContextPath() + BUSY_PAGE);
      return;
    }
    refuse(
        req,
        res,
        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
        "busy",
        "The portal is receiving as many files as it can right now; send again in a minute.");
  }

  /**
   * Answers without reading the body, and closes the connection after it (the unread body is never
   * drained). The API gets an RFC 9457 problem, a browser a short text.
   */
  private static void refuse(
      HttpServletRequest req, HttpServletResponse res, int status, String type, String detail)
      throws IOException {
    close(res);
    res.setStatus(status);
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (isApi(req)) {
      res.setContentType("application/problem+json");
      res.getWriter()
          .write(
              ("{\"type\":\"/portal/problems/%s\",\"title\":\"%s\",\"status\":%d,"
                      + "\"detail\":\"%s\",\"instance\":\"%s\"}")
                  .formatted(type, title(status), status, detail, json(req.getRequestURI())));
    } else {
      res.setContentType("text/plain");
      res.getWriter().write(detail);
    }
  }

  private static String title(int status) {
    return switch (status) {
      case HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE -> "Content Too Large";
      case HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE -> "Unsupported Media Type";
      default -> "Service Unavailable";
    };
  }

  private static void close(HttpServletResponse res) {
    res.setHeader("Connection", "close");
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
