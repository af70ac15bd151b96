package org.patientportal.web.messaging;

import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.patientportal.care.entity.CareRecipient;

/** A patient's care team as the options of the compose form's "To": pools first, then people. */
final class RecipientItems {

  private RecipientItems() {}

  static List<SelectItem> of(List<CareRecipient> recipients, ResourceBundle msg) {
    List<SelectItem> pools = new ArrayList<>();
    List<SelectItem> clinicians = new ArrayList<>();
    for (CareRecipient r : recipients) {
      if (r.getKind() == CareRecipient.Kind.POOL) {
        pools.add(
            new SelectItem(r.getAddress(), format(msg, "compose.to.pool", r.getDisplayName())));
      } else {
        clinicians.add(
            new SelectItem(
                r.getAddress(),
                format(msg, "compose.to.clinician", r.getDisplayName(), r.getPoolName())));
      }
    }
    List<SelectItem> items = new ArrayList<>();
    if (!pools.isEmpty()) {
      items.add(group(msg.getString("compose.to.pools"), pools));
    }
    if (!clinicians.isEmpty()) {
      items.add(group(msg.getString("compose.to.clinicians"), clinicians));
    }
    return items;
  }

  private static SelectItemGroup group(String label, List<SelectItem> items) {
    SelectItemGroup group = new SelectItemGroup(label);
    group.setSelectItems(items);
    return group;
  }

  private static String format(ResourceBundle msg, String key, Object... arguments) {
    return new MessageFormat(msg.getString(key), msg.getLocale()).format(arguments);
  }
}
