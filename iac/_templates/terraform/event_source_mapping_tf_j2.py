from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'event_source_mapping.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_comment = resolve('comment')
    l_0_name = resolve('name')
    l_0_p = resolve('p')
    l_0_node = resolve('node')
    try:
        t_1 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_4 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_lambda_event_source_mapping" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  function_name = '
    yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')))
    yield '\n  event_source_arn = '
    yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_arn')))
    yield '\n  batch_size = '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch'))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'):
        pass
        yield '  maximum_batching_window_in_seconds = '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position'):
        pass
        yield '  starting_position = '
        yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'report_failures'):
        pass
        yield '  function_response_types = ["ReportBatchItemFailures"]\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern'):
        pass
        yield '\n  filter_criteria {\n    filter {\n      pattern = '
        yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern')))
        yield '\n    }\n  }\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'):
        pass
        yield '\n  depends_on = ['
        yield str(t_2(context.eval_ctx, t_3(context, environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'), 'dependency'), ', '))
        yield ']\n'
    yield '}\n'

blocks = {}
debug_info = '1=39&2=41&3=43&4=45&5=47&6=49&7=52&9=54&10=57&12=59&15=62&19=65&23=67&25=70'
