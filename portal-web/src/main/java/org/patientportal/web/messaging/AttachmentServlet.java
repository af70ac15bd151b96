package org.patientportal.web.messaging;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.patientportal.messaging.boundary.MessagingService;
import org.patientportal.messaging.entity.AttachmentDownload;
import org.patientportal.shared.entity.NotFoundException;

/**
 * {@code /messages/attachment?thread=N&id=M}: an attachment of a thread the signed-in reader may
 * see, always as a download (never shown inline, never sniffed), never cached (NoStoreFilter). The
 * boundary checks the reader and audits the download; anything else is the not-found page.
 */
@WebServlet("/messages/attachment")
public class AttachmentServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @EJB MessagingService messaging;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Long thread = ThreadView.parse(req.getParameter("thread"));
    Long attachment = ThreadView.parse(req.getParameter("id"));
    if (thread == null || attachment == null) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    AttachmentDownload file;
    try {
      file = messaging.download(thread, attachment);
    } catch (NotFoundException e) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setContentType(file.getContentType());
    res.setContentLength(file.content().length);
    res.setHeader("Content-Disposition", ThreadsResource.contentDisposition(file.getFilename()));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "no-store");
    res.getOutputStream().write(file.content());
  }
}
