package org.ronghe.directory.web;

import org.ronghe.platform.UploadLimit;
import java.io.IOException;

import org.ronghe.directory.transfer.Transfers;
import org.ronghe.platform.RejectedInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The import/export page: templates, exports, and uploads with every error listed by row and column. */
@Controller
class TransferPages {

    static final int ERRORS_SHOWN = 500;
    private final Transfers transfers;
    private final UploadLimit limit;

    TransferPages(Transfers transfers, UploadLimit limit) {
        this.transfers = transfers;
        this.limit = limit;
    }

    @GetMapping("/transfer")
    String page(Model model) {
        model.addAttribute("sheets", transfers.sheets());
        return "directory/transfer";
    }

    @PostMapping("/transfer/{entity}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'COMMITTEE_ADMIN')")
    String upload(@PathVariable String entity, @RequestParam("file") MultipartFile file, Model model,
                  jakarta.servlet.http.HttpServletResponse response) throws IOException {
        model.addAttribute("sheets", transfers.sheets());
        model.addAttribute("entity", entity);
        model.addAttribute("sheet", transfers.sheet(entity).orElse(null));
        if (file.isEmpty()) {
            model.addAttribute("problem", "请选择要导入的文件");
            return "directory/transfer";
        }
        try {
            limit.check(file);
            model.addAttribute("report", transfers.importFile(entity, file.getBytes()));
        } catch (org.springframework.web.multipart.MaxUploadSizeExceededException e) {
            response.setStatus(413);
            model.addAttribute("problem", "文件过大：上限为 " + limit.megabytes() + " MB，请拆分成几个较小的文件后再导入");
        } catch (RejectedInputException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("errors", e.errors().stream().limit(ERRORS_SHOWN).toList());
            model.addAttribute("errorCount", e.errors().size());
        }
        return "directory/transfer";
    }
}
