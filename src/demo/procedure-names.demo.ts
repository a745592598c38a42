/*
 * Names for the generated demo procedures, modelled on the district- and commune-level procedure lists that
 * provinces publish. facts.json gives the counts (287 district-level procedures of Gia Lâm, 154 commune-level
 * ones under ISO 9001) and three field names; the rest of the catalogue is generated and marked demo.
 */

/** A field (lĩnh vực) of a generated list: how many procedures, their names, and typical statutory times. */
export interface FieldSpec {
  field: string;
  count: number;
  names: string[];
  /** Statutory working days to draw from. */
  days: number[];
}

/** Every action applied to every object: `Cấp giấy phép xây dựng…`, `Điều chỉnh giấy phép xây dựng…`. */
const each = (actions: string[], objects: string[]) => objects.flatMap((object) => actions.map((action) => `${action} ${object}`));

/** District level: counts add up to the 287 procedures of Gia Lâm (facts.json). */
export const DISTRICT_FIELDS: FieldSpec[] = [
  {
    field: "Tư pháp", count: 40, days: [1, 2, 3, 5, 10, 15],
    names: [
      ...each(["Đăng ký", "Đăng ký lại"], ["khai sinh có yếu tố nước ngoài", "kết hôn có yếu tố nước ngoài", "khai tử có yếu tố nước ngoài", "nhận cha, mẹ, con có yếu tố nước ngoài"]),
      "Đăng ký thay đổi, cải chính, bổ sung hộ tịch, xác định lại dân tộc",
      "Ghi vào Sổ hộ tịch việc hộ tịch của công dân Việt Nam đã được giải quyết ở nước ngoài",
      "Ghi vào Sổ hộ tịch việc ly hôn, hủy kết hôn đã được giải quyết ở nước ngoài",
      "Đăng ký giám hộ có yếu tố nước ngoài", "Đăng ký chấm dứt giám hộ có yếu tố nước ngoài",
      "Cấp bản sao trích lục hộ tịch",
      ...each(["Chứng thực"], ["bản sao từ bản chính giấy tờ do cơ quan nước ngoài cấp", "chữ ký người dịch", "chữ ký trong giấy tờ, văn bản",
        "hợp đồng, giao dịch liên quan đến tài sản là động sản", "di chúc", "văn bản từ chối nhận di sản",
        "văn bản thỏa thuận phân chia di sản là động sản", "văn bản khai nhận di sản là động sản",
        "việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", "hợp đồng ủy quyền"]),
      "Sửa lỗi sai sót trong hợp đồng, giao dịch đã được chứng thực",
      "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực",
      "Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại",
      "Công nhận báo cáo viên pháp luật", "Miễn nhiệm báo cáo viên pháp luật",
      "Thẩm định dự thảo văn bản quy phạm pháp luật của Ủy ban nhân dân cấp huyện",
      "Công nhận cấp huyện đạt chuẩn tiếp cận pháp luật",
      "Đăng ký khai sinh kết hợp nhận cha, mẹ, con có yếu tố nước ngoài", "Xác định lại dân tộc",
      "Ghi vào Sổ hộ tịch việc nuôi con nuôi đã được giải quyết ở nước ngoài", "Xác nhận thông tin hộ tịch",
      "Thực hiện hỗ trợ khi hòa giải viên gặp tai nạn hoặc rủi ro", "Chứng thực bản sao điện tử từ bản chính",
      "Kiểm tra văn bản quy phạm pháp luật của Ủy ban nhân dân cấp xã", "Công nhận tổ hòa giải ở cơ sở đạt chuẩn",
      "Cấp bản sao văn bản chứng thực từ sổ gốc",
    ],
  },
  {
    field: "Lao động - Thương binh và Xã hội", count: 38, days: [3, 5, 7, 10, 15, 20],
    names: [
      ...each(["Thực hiện, điều chỉnh, thôi hưởng"], ["trợ cấp xã hội hằng tháng", "kinh phí hỗ trợ chăm sóc đối tượng tại cộng đồng"]),
      ...each(["Cấp", "Cấp lại", "Điều chỉnh"], ["giấy chứng nhận đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập", "giấy phép hoạt động cơ sở trợ giúp xã hội"]),
      ...each(["Giải quyết"], ["chế độ trợ cấp một lần đối với người có thành tích tham gia kháng chiến", "chế độ mai táng phí đối với cựu chiến binh",
        "trợ cấp một lần đối với thanh niên xung phong đã hoàn thành nhiệm vụ", "chế độ ưu đãi trong giáo dục đào tạo đối với người có công và con của họ",
        "hỗ trợ kinh phí đào tạo trình độ sơ cấp", "hỗ trợ học văn hóa, học nghề, trợ cấp khó khăn ban đầu cho người sau cai nghiện"]),
      "Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội",
      "Dừng trợ giúp xã hội tại cơ sở trợ giúp xã hội", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
      "Đăng ký nội quy lao động của doanh nghiệp", "Đăng ký thỏa ước lao động tập thể",
      "Cấp giấy xác nhận thân nhân của người có công", "Cấp trích lục hoặc sao hồ sơ người có công",
      "Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm", "Công nhận hộ thoát nghèo, thoát cận nghèo trong năm",
      "Cấp giấy phép hoạt động cai nghiện ma túy tự nguyện", "Quyết định cai nghiện ma túy tự nguyện tại cộng đồng",
      "Đưa người nghiện ma túy vào cơ sở cai nghiện bắt buộc", "Hoãn chấp hành quyết định đưa vào cơ sở cai nghiện bắt buộc",
      "Hưởng trợ cấp hằng tháng đối với thân nhân liệt sĩ", "Cấp thẻ bảo hiểm y tế cho đối tượng bảo trợ xã hội",
      "Trợ cấp hằng tháng cho người cao tuổi từ đủ 80 tuổi", "Hỗ trợ kinh phí nhận nuôi dưỡng, chăm sóc đối tượng cần bảo vệ khẩn cấp",
      "Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp của trung tâm giáo dục nghề nghiệp",
      "Thành lập trung tâm giáo dục nghề nghiệp công lập cấp huyện", "Giải thể trung tâm giáo dục nghề nghiệp công lập cấp huyện",
      "Hỗ trợ đào tạo nghề cho lao động nông thôn", "Đăng ký hoạt động cơ sở hỗ trợ nạn nhân bị mua bán",
      "Hỗ trợ nạn nhân bị mua bán người", "Giải quyết chế độ người hoạt động kháng chiến bị nhiễm chất độc hóa học",
    ],
  },
  {
    field: "Tài nguyên và Môi trường", count: 30, days: [5, 10, 15, 20, 30],
    names: [
      "Thu hồi đất do vi phạm pháp luật về đất đai", "Giao đất, cho thuê đất đối với hộ gia đình, cá nhân",
      "Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền", "Gia hạn sử dụng đất",
      "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện",
      "Cưỡng chế thực hiện quyết định giải quyết tranh chấp đất đai", "Thẩm định nhu cầu sử dụng đất để xem xét giao đất, cho thuê đất",
      ...each(["Đăng ký", "Xác nhận"], ["kế hoạch bảo vệ môi trường", "đề án bảo vệ môi trường đơn giản"]),
      "Tham vấn trong quá trình thực hiện đánh giá tác động môi trường", "Cấp giấy phép môi trường cấp huyện",
      "Cấp đổi giấy phép môi trường cấp huyện", "Điều chỉnh giấy phép môi trường cấp huyện",
      "Cấp giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường", "Đăng ký khai thác nước dưới đất",
      "Cung cấp dữ liệu đất đai", "Đăng ký biến động quyền sử dụng đất do đổi tên, thay đổi thông tin người sử dụng đất",
      "Đăng ký, cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Cấp đổi giấy chứng nhận quyền sử dụng đất",
      "Cấp lại giấy chứng nhận quyền sử dụng đất do bị mất", "Tách thửa hoặc hợp thửa đất",
      "Đính chính giấy chứng nhận đã cấp", "Xóa đăng ký cho thuê, cho thuê lại quyền sử dụng đất",
      "Đăng ký thế chấp quyền sử dụng đất", "Xóa đăng ký thế chấp quyền sử dụng đất",
      "Chuyển nhượng, tặng cho quyền sử dụng đất", "Thừa kế quyền sử dụng đất",
      "Đăng ký biến động đất đai do chuyển đổi quyền sử dụng đất nông nghiệp",
    ],
  },
  {
    field: "Xây dựng", count: 22, days: [5, 7, 15, 20],
    names: [
      ...each(["Cấp", "Điều chỉnh", "Gia hạn", "Cấp lại"], ["giấy phép xây dựng nhà ở riêng lẻ", "giấy phép xây dựng công trình không theo tuyến",
        "giấy phép sửa chữa, cải tạo công trình", "giấy phép di dời công trình"]),
      "Thẩm định báo cáo kinh tế - kỹ thuật đầu tư xây dựng", "Thẩm định thiết kế bản vẽ thi công",
      "Cấp chứng chỉ hành nghề môi giới bất động sản", "Cung cấp thông tin về quy hoạch xây dựng",
      "Thẩm định nhiệm vụ quy hoạch chi tiết", "Thẩm định đồ án quy hoạch chi tiết",
    ],
  },
  {
    field: "Kế hoạch và Đầu tư", count: 20, days: [3, 5, 10],
    names: [
      ...each(["Đăng ký thành lập", "Đăng ký thay đổi nội dung đăng ký", "Tạm ngừng kinh doanh của", "Chấm dứt hoạt động của", "Cấp lại giấy chứng nhận đăng ký"],
        ["hộ kinh doanh", "hợp tác xã", "chi nhánh, văn phòng đại diện của hợp tác xã"]),
      "Thông báo về việc góp vốn, mua cổ phần của hợp tác xã", "Giải thể tự nguyện hợp tác xã",
      "Thẩm định chủ trương đầu tư dự án nhóm B, nhóm C", "Thẩm định báo cáo nghiên cứu khả thi dự án",
      "Đăng ký thay đổi cơ quan đăng ký hợp tác xã",
    ],
  },
  {
    field: "Giáo dục và Đào tạo", count: 30, days: [5, 10, 15, 20],
    names: [
      ...each(["Thành lập", "Cho phép hoạt động giáo dục", "Sáp nhập, chia, tách", "Giải thể"], ["trường mầm non", "trường tiểu học", "trường trung học cơ sở",
        "trường phổ thông dân tộc bán trú"]),
      "Chuyển trường đối với học sinh trung học cơ sở", "Xin học lại tại trường khác đối với học sinh trung học",
      "Công nhận trường mầm non đạt chuẩn quốc gia", "Công nhận trường tiểu học đạt chuẩn quốc gia",
      "Công nhận trường trung học cơ sở đạt chuẩn quốc gia", "Cấp phép dạy thêm, học thêm đối với cấp trung học cơ sở",
      "Xét, duyệt chính sách hỗ trợ đối với học sinh bán trú", "Hỗ trợ học tập đối với trẻ mẫu giáo, học sinh dân tộc thiểu số",
      "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục", "Đề nghị miễn, giảm học phí",
      "Chuyển đổi nhà trẻ, trường mẫu giáo tư thục do nhà đầu tư trong nước đầu tư sang tư thục hoạt động không vì lợi nhuận",
      "Công nhận xã đạt chuẩn phổ cập giáo dục, xóa mù chữ", "Thành lập trung tâm học tập cộng đồng",
      "Cho phép trung tâm học tập cộng đồng hoạt động trở lại",
    ],
  },
  {
    field: "Văn hóa, Thể thao và Du lịch", count: 16, days: [3, 5, 7, 10],
    names: [
      ...each(["Cấp", "Điều chỉnh", "Cấp lại"], ["giấy phép kinh doanh karaoke", "giấy phép kinh doanh vũ trường"]),
      "Công nhận lần đầu cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa", "Công nhận lại cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa",
      "Công nhận lần đầu xã đạt chuẩn văn hóa nông thôn mới", "Công nhận phường, thị trấn đạt chuẩn đô thị văn minh",
      "Thông báo tổ chức lễ hội cấp huyện", "Đăng ký tổ chức lễ hội cấp huyện",
      "Cấp giấy chứng nhận đủ điều kiện kinh doanh dịch vụ lữ hành nội địa", "Công nhận câu lạc bộ thể thao cơ sở",
      "Thông báo thành lập thư viện đối với thư viện cộng đồng", "Thông báo chấm dứt hoạt động thư viện cộng đồng",
    ],
  },
  {
    field: "Y tế", count: 10, days: [5, 10, 15, 20],
    names: [
      "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Cấp lại giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
      "Cấp giấy xác nhận kiến thức an toàn thực phẩm", "Công bố cơ sở đủ điều kiện tiêm chủng",
      "Cấp giấy phép hoạt động đối với trạm y tế cấp xã", "Khám sức khỏe định kỳ cho người lao động",
      "Cấp giấy chứng nhận bệnh nghề nghiệp", "Công bố đủ điều kiện thực hiện khám sức khỏe",
      "Cấp giấy phép hoạt động đối với phòng khám đa khoa", "Điều chỉnh giấy phép hoạt động đối với cơ sở khám bệnh, chữa bệnh",
    ],
  },
  {
    field: "Nội vụ", count: 20, days: [5, 7, 10, 15, 20],
    names: [
      "Thành lập hội", "Phê duyệt điều lệ hội", "Chia, tách, sáp nhập, hợp nhất hội", "Đổi tên hội", "Hội tự giải thể",
      "Báo cáo tổ chức đại hội nhiệm kỳ của hội", "Cho phép hội đặt văn phòng đại diện",
      "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện về thực hiện nhiệm vụ chính trị",
      "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện cho gia đình", "Tặng danh hiệu Lao động tiên tiến",
      "Tặng danh hiệu Chiến sĩ thi đua cơ sở", "Tặng danh hiệu Tập thể lao động tiên tiến",
      "Thi tuyển viên chức", "Xét tuyển viên chức", "Tiếp nhận vào làm viên chức",
      "Đăng ký thuyên chuyển chức sắc, chức việc, nhà tu hành", "Đăng ký hoạt động tín ngưỡng",
      "Đăng ký bổ sung hoạt động tín ngưỡng", "Thông báo tổ chức quyên góp ngoài địa bàn một xã",
      "Đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo",
    ],
  },
  {
    field: "Tài chính", count: 8, days: [5, 10, 15],
    names: [
      "Thẩm tra, phê duyệt quyết toán dự án hoàn thành sử dụng vốn ngân sách cấp huyện", "Quyết định giá thuộc thẩm quyền cấp huyện",
      "Đăng ký giá của các doanh nghiệp thuộc phạm vi cấp huyện", "Kê khai giá của các doanh nghiệp thuộc phạm vi cấp huyện",
      "Quyết định thanh lý tài sản công", "Quyết định điều chuyển tài sản công",
      "Quyết định bán tài sản công", "Quyết định tiêu hủy tài sản công",
    ],
  },
  {
    field: "Công Thương", count: 14, days: [7, 10, 15],
    names: [
      ...each(["Cấp", "Cấp lại", "Cấp sửa đổi, bổ sung"], ["giấy phép bán lẻ sản phẩm rượu", "giấy phép bán lẻ sản phẩm thuốc lá",
        "giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh", "giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai"]),
      "Cấp giấy phép bán rượu tiêu dùng tại chỗ", "Cấp lại giấy phép bán rượu tiêu dùng tại chỗ",
    ],
  },
  {
    field: "Nông nghiệp và Phát triển nông thôn", count: 15, days: [5, 10, 15, 20],
    names: [
      "Công nhận xã đạt chuẩn nông thôn mới", "Công nhận xã đạt chuẩn nông thôn mới nâng cao",
      "Công nhận làng nghề", "Công nhận nghề truyền thống", "Công nhận làng nghề truyền thống",
      "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông lâm thủy sản",
      "Phê duyệt phương án ứng phó thiên tai cho công trình vùng hạ du đập",
      "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai", "Hỗ trợ dự án liên kết",
      "Phê duyệt kế hoạch khuyến nông địa phương", "Thẩm định phương án sử dụng đất trồng lúa",
      "Cấp phép hoạt động trong phạm vi bảo vệ công trình thủy lợi", "Giao khoán rừng", "Thu hồi rừng",
      "Xác nhận hợp đồng tiếp cận nguồn gen",
    ],
  },
  {
    field: "Giao thông vận tải", count: 8, days: [3, 5, 7, 10],
    names: [
      "Cấp phép thi công công trình đường bộ trên đường huyện", "Cấp phép thi công nút giao đấu nối vào đường huyện",
      "Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ",
      "Đăng ký phương tiện thủy nội địa lần đầu", "Đăng ký lại phương tiện thủy nội địa", "Xóa giấy chứng nhận đăng ký phương tiện thủy nội địa",
      "Công bố hoạt động bến thủy nội địa", "Cấp giấy phép hoạt động bến khách ngang sông",
    ],
  },
  {
    field: "Thanh tra", count: 8, days: [10, 15, 30],
    names: [
      "Tiếp công dân tại cấp huyện", "Giải quyết khiếu nại lần đầu tại cấp huyện", "Giải quyết khiếu nại lần hai tại cấp huyện",
      "Giải quyết tố cáo tại cấp huyện", "Xử lý đơn tại cấp huyện", "Kê khai tài sản, thu nhập",
      "Xác minh tài sản, thu nhập", "Thực hiện việc giải trình",
    ],
  },
  {
    field: "Dân tộc", count: 2, days: [10, 15],
    names: ["Công nhận người có uy tín trong đồng bào dân tộc thiểu số", "Đưa ra khỏi danh sách người có uy tín trong đồng bào dân tộc thiểu số"],
  },
  {
    field: "Thông tin và Truyền thông", count: 6, days: [3, 5, 7, 10],
    names: [
      "Cấp giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng",
      "Sửa đổi, bổ sung giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng",
      "Gia hạn giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng",
      "Cấp lại giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công cộng",
      "Đăng ký hoạt động đài truyền thanh cấp xã", "Cấp giấy phép xuất bản bản tin cấp huyện",
    ],
  },
];

/** Commune level: counts add up to the 154 procedures Gia Lâm's communes built under ISO 9001 (facts.json). */
export const COMMUNE_FIELDS: FieldSpec[] = [
  {
    field: "Tư pháp", count: 42, days: [0.5, 1, 3, 5],
    names: [
      ...each(["Đăng ký", "Đăng ký lại"], ["khai sinh", "kết hôn", "khai tử", "nhận cha, mẹ, con"]),
      "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", "Đăng ký khai sinh lưu động", "Đăng ký kết hôn lưu động", "Đăng ký khai tử lưu động",
      "Đăng ký giám hộ", "Đăng ký chấm dứt giám hộ", "Thay đổi, cải chính, bổ sung thông tin hộ tịch",
      "Cấp giấy xác nhận tình trạng hôn nhân", "Cấp bản sao trích lục hộ tịch", "Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân",
      "Liên thông thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
      "Liên thông thủ tục đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất",
      ...each(["Chứng thực"], ["bản sao từ bản chính giấy tờ, văn bản do cơ quan Việt Nam cấp", "chữ ký trong giấy tờ, văn bản",
        "hợp đồng, giao dịch liên quan đến tài sản là động sản", "hợp đồng, giao dịch liên quan đến quyền của người sử dụng đất",
        "hợp đồng, giao dịch về nhà ở", "di chúc", "văn bản từ chối nhận di sản", "văn bản thỏa thuận phân chia di sản",
        "văn bản khai nhận di sản", "việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", "hợp đồng ủy quyền"]),
      "Sửa lỗi sai sót trong hợp đồng, giao dịch", "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực",
      "Thực hiện hòa giải ở cơ sở: bầu hòa giải viên", "Thôi làm hòa giải viên", "Thanh toán thù lao cho hòa giải viên",
      "Công nhận tuyên truyền viên pháp luật", "Cho thôi làm tuyên truyền viên pháp luật",
      "Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại",
      "Xác định cơ quan giải quyết bồi thường",
      "Đăng ký việc nuôi con nuôi trong nước", "Đăng ký lại việc nuôi con nuôi trong nước",
    ],
  },
  {
    field: "Lao động - Thương binh và Xã hội", count: 28, days: [1, 3, 5, 7, 10],
    names: [
      "Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình", "Rà soát hộ nghèo, hộ cận nghèo định kỳ hằng năm",
      "Rà soát hộ nghèo, hộ cận nghèo thường xuyên", "Xác định, xác định lại mức độ khuyết tật và cấp giấy xác nhận khuyết tật",
      "Đổi, cấp lại giấy xác nhận khuyết tật", "Đăng ký hoạt động đối với cơ sở trợ giúp xã hội dưới 10 đối tượng",
      "Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở", "Trợ giúp xã hội khẩn cấp về hỗ trợ chi phí mai táng",
      "Áp dụng các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em", "Chấm dứt việc chăm sóc thay thế cho trẻ em",
      "Phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em bị xâm hại", "Đăng ký nhận chăm sóc thay thế cho trẻ em",
      "Thông báo nhận chăm sóc thay thế cho trẻ em", "Hỗ trợ chi phí mai táng cho người có công",
      "Xác nhận vào đơn đề nghị di chuyển hài cốt liệt sĩ", "Xác nhận vào đơn đề nghị thăm viếng mộ liệt sĩ",
      "Thực hiện chế độ ưu đãi đối với Bà mẹ Việt Nam anh hùng", "Giải quyết chế độ mai táng phí đối với thanh niên xung phong",
      "Hưởng mai táng phí, trợ cấp một lần khi người có công từ trần", "Tặng quà cho người có công dịp Tết Nguyên đán",
      "Hỗ trợ người lao động tạm hoãn hợp đồng lao động", "Hỗ trợ hộ kinh doanh tạm ngừng kinh doanh",
      "Xác nhận danh sách người lao động không có giao kết hợp đồng lao động bị mất việc làm",
      "Đề nghị tổ chức giáo dục nghề nghiệp cho người khuyết tật", "Quyết định cai nghiện ma túy tự nguyện tại gia đình",
      "Quản lý sau cai nghiện ma túy tại nơi cư trú", "Đăng ký hưởng chế độ trợ cấp xã hội hằng tháng",
      "Chi trả trợ cấp xã hội hằng tháng khi đối tượng thay đổi nơi cư trú",
    ],
  },
  {
    field: "Văn hóa, Thể thao và Du lịch", count: 12, days: [3, 5, 7],
    names: [
      "Xét tặng danh hiệu Gia đình văn hóa hằng năm", "Xét tặng Giấy khen Gia đình văn hóa",
      "Công nhận lần đầu thôn, tổ dân phố văn hóa", "Công nhận lại thôn, tổ dân phố văn hóa",
      "Thông báo tổ chức lễ hội cấp xã", "Đăng ký tổ chức lễ hội cấp xã",
      "Công nhận câu lạc bộ thể thao cơ sở", "Đăng ký hoạt động thư viện tư nhân có vốn sách ban đầu từ 500 bản đến dưới 1.000 bản",
      "Thông báo thành lập thư viện cộng đồng", "Thông báo sáp nhập, hợp nhất thư viện cộng đồng",
      "Thông báo chấm dứt hoạt động thư viện cộng đồng", "Đăng ký tổ chức hoạt động văn hóa, văn nghệ ở cơ sở",
    ],
  },
  {
    field: "Nội vụ", count: 14, days: [3, 5, 10, 15],
    names: [
      "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã về thực hiện nhiệm vụ chính trị", "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã theo đợt, chuyên đề",
      "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã cho gia đình", "Xét tặng danh hiệu Lao động tiên tiến",
      "Đăng ký hoạt động tín ngưỡng", "Đăng ký bổ sung hoạt động tín ngưỡng", "Đăng ký sinh hoạt tôn giáo tập trung",
      "Thông báo danh mục hoạt động tôn giáo đối với tổ chức có địa bàn hoạt động ở một xã",
      "Thông báo tổ chức quyên góp trong địa bàn một xã", "Đề nghị thay đổi địa điểm sinh hoạt tôn giáo tập trung",
      "Thủ tục thực hiện việc giải trình", "Công nhận ban vận động thành lập hội", "Thành lập tổ hợp tác",
      "Thay đổi tổ trưởng tổ hợp tác",
    ],
  },
  {
    field: "Tài nguyên và Môi trường", count: 10, days: [3, 5, 10, 15],
    names: [
      "Hòa giải tranh chấp đất đai", "Xác nhận hợp đồng tiếp cận nguồn gen và chia sẻ lợi ích",
      "Đăng ký khai thác nước dưới đất quy mô hộ gia đình", "Tham vấn ý kiến trong quá trình đánh giá tác động môi trường",
      "Xác nhận nguồn gốc đất đai", "Xác nhận hiện trạng sử dụng đất", "Xác nhận đơn đề nghị cấp giấy chứng nhận quyền sử dụng đất",
      "Đăng ký đất đai lần đầu", "Tiếp nhận hồ sơ tách thửa, hợp thửa đất", "Xác nhận việc sử dụng đất ổn định",
    ],
  },
  {
    field: "Nông nghiệp và Phát triển nông thôn", count: 12, days: [3, 5, 7, 10],
    names: [
      "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai", "Phê duyệt kế hoạch khuyến nông địa phương",
      "Xác nhận nguồn gốc sản phẩm nông lâm thủy sản", "Xác nhận thiệt hại do dịch bệnh động vật",
      "Hỗ trợ chi phí tiêm phòng vắc xin cho gia súc, gia cầm", "Đăng ký nuôi trồng thủy sản",
      "Phê duyệt đối tượng vay vốn trồng rừng", "Xác nhận bảng kê lâm sản", "Hỗ trợ dự án liên kết cấp xã",
      "Thẩm định, phê duyệt phương án hỗ trợ giống cây trồng", "Xác nhận cam kết sản xuất an toàn thực phẩm",
      "Đăng ký kiểm dịch động vật trong địa bàn",
    ],
  },
  {
    field: "Giáo dục và Đào tạo", count: 8, days: [3, 5, 10],
    names: [
      "Thành lập nhóm trẻ, lớp mẫu giáo độc lập", "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục",
      "Sáp nhập, chia, tách nhóm trẻ, lớp mẫu giáo độc lập", "Giải thể nhóm trẻ, lớp mẫu giáo độc lập",
      "Thành lập trung tâm học tập cộng đồng", "Cho phép trung tâm học tập cộng đồng hoạt động trở lại",
      "Xét công nhận xã đạt chuẩn phổ cập giáo dục", "Xác nhận đối tượng được miễn, giảm học phí",
    ],
  },
  {
    field: "Thanh tra", count: 6, days: [5, 10, 30],
    names: [
      "Tiếp công dân tại cấp xã", "Giải quyết khiếu nại lần đầu tại cấp xã", "Giải quyết tố cáo tại cấp xã",
      "Xử lý đơn tại cấp xã", "Kê khai tài sản, thu nhập tại cấp xã", "Thực hiện việc giải trình tại cấp xã",
    ],
  },
  {
    field: "Quốc phòng", count: 6, days: [1, 3, 5],
    names: [
      "Đăng ký nghĩa vụ quân sự lần đầu", "Đăng ký phục vụ trong ngạch dự bị", "Đăng ký bổ sung nghĩa vụ quân sự",
      "Đăng ký nghĩa vụ quân sự khi thay đổi nơi cư trú", "Đăng ký tạm vắng nghĩa vụ quân sự", "Miễn gọi nhập ngũ",
    ],
  },
  {
    field: "Y tế", count: 4, days: [3, 5],
    names: ["Cấp giấy chứng sinh", "Cấp lại giấy chứng sinh", "Khám bệnh, chữa bệnh tại trạm y tế", "Xác nhận tình trạng tiêm chủng"],
  },
  {
    field: "Xây dựng", count: 4, days: [5, 7],
    names: ["Cung cấp thông tin về quy hoạch xây dựng cấp xã", "Xác nhận hiện trạng nhà ở", "Cấp phép sửa chữa nhà ở tại nông thôn", "Kiểm tra công tác nghiệm thu công trình cấp xã"],
  },
  {
    field: "Tài chính", count: 3, days: [3, 5],
    names: ["Quyết định thanh lý tài sản công cấp xã", "Quyết định điều chuyển tài sản công cấp xã", "Quyết định bán tài sản công cấp xã"],
  },
  {
    field: "Dân tộc", count: 2, days: [5, 10],
    names: ["Đề nghị công nhận người có uy tín trong đồng bào dân tộc thiểu số", "Đề nghị đưa ra khỏi danh sách người có uy tín"],
  },
  {
    field: "Công Thương", count: 3, days: [5, 7],
    names: ["Cấp giấy phép sản xuất rượu thủ công nhằm mục đích bán cho doanh nghiệp", "Cấp lại giấy phép sản xuất rượu thủ công", "Cấp sửa đổi, bổ sung giấy phép sản xuất rượu thủ công"],
  },
];

/** A few provincial procedures with their usual statutory times and the department that implements them. */
export const PROVINCIAL: { name: string; field: string; days: number; department: string; feeVnd?: number }[] = [
  { name: "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam", field: "Tư pháp", days: 10, department: "Sở Tư pháp", feeVnd: 200000 },
  { name: "Cấp phiếu lý lịch tư pháp cho người nước ngoài cư trú tại Việt Nam", field: "Tư pháp", days: 10, department: "Sở Tư pháp", feeVnd: 200000 },
  { name: "Đăng ký thành lập doanh nghiệp tư nhân", field: "Kế hoạch và Đầu tư", days: 3, department: "Sở Kế hoạch và Đầu tư", feeVnd: 50000 },
  { name: "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", field: "Kế hoạch và Đầu tư", days: 3, department: "Sở Kế hoạch và Đầu tư", feeVnd: 50000 },
  { name: "Cấp giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư", field: "Kế hoạch và Đầu tư", days: 15, department: "Sở Kế hoạch và Đầu tư" },
  { name: "Thẩm định báo cáo đánh giá tác động môi trường", field: "Tài nguyên và Môi trường", days: 45, department: "Sở Tài nguyên và Môi trường" },
  { name: "Cấp giấy phép thăm dò nước dưới đất", field: "Tài nguyên và Môi trường", days: 30, department: "Sở Tài nguyên và Môi trường" },
  { name: "Cấp giấy phép xuất bản bản tin", field: "Thông tin và Truyền thông", days: 15, department: "Sở Thông tin và Truyền thông" },
  { name: "Cấp giấy phép hoạt động in", field: "Thông tin và Truyền thông", days: 7, department: "Sở Thông tin và Truyền thông" },
  { name: "Thẩm định thành lập đơn vị sự nghiệp công lập", field: "Nội vụ", days: 20, department: "Sở Nội vụ" },
  { name: "Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ", field: "Khoa học và Công nghệ", days: 15, department: "Sở Khoa học và Công nghệ" },
  { name: "Quyết định giá thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh", field: "Tài chính", days: 15, department: "Sở Tài chính" },
];
