from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pipe.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    l_0_Call = resolve('Call')
    l_0_Code = resolve('Code')
    l_0_params = resolve('params')
    l_0_source = resolve('source')
    l_0_stream = resolve('stream')
    l_0_expr = resolve('expr')
    l_0_PyList = resolve('PyList')
    l_0_filters = resolve('filters')
    l_0_node = resolve('node')
    l_0_kw = resolve('kw')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    try:
        t_2 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_kind') == 'sqs'):
        pass
        l_0_params = context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.PipeSourceSqsQueueParametersProperty', (), ((('batch_size', context.call((undefined(name='Code') if l_0_Code is missing else l_0_Code), t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch')))),) + ((('maximum_batching_window_in_seconds', context.call((undefined(name='Code') if l_0_Code is missing else l_0_Code), t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window')))),) if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window') else ())))
        context.vars['params'] = l_0_params
        context.exported_vars.add('params')
        l_0_source = (('sqs_queue_parameters', (undefined(name='params') if l_0_params is missing else l_0_params)),)
        context.vars['source'] = l_0_source
        context.exported_vars.add('source')
    else:
        pass
        l_0_stream = (('starting_position', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position')), ('batch_size', context.call((undefined(name='Code') if l_0_Code is missing else l_0_Code), t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch')))))
        context.vars['stream'] = l_0_stream
        context.exported_vars.add('stream')
        if (not t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))):
            pass
            l_0_stream = ((undefined(name='stream') if l_0_stream is missing else l_0_stream) + (('maximum_retry_attempts', context.call((undefined(name='Code') if l_0_Code is missing else l_0_Code), t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries')))),))
            context.vars['stream'] = l_0_stream
            context.exported_vars.add('stream')
        if (not t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))):
            pass
            l_0_stream = ((undefined(name='stream') if l_0_stream is missing else l_0_stream) + (('maximum_record_age_in_seconds', context.call((undefined(name='Code') if l_0_Code is missing else l_0_Code), t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age')))),))
            context.vars['stream'] = l_0_stream
            context.exported_vars.add('stream')
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bisect'):
            pass
            l_0_stream = ((undefined(name='stream') if l_0_stream is missing else l_0_stream) + (('on_partial_batch_item_failure', 'AUTOMATIC_BISECT'),))
            context.vars['stream'] = l_0_stream
            context.exported_vars.add('stream')
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dead_letter'):
            pass
            l_0_stream = ((undefined(name='stream') if l_0_stream is missing else l_0_stream) + (('dead_letter_config', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.DeadLetterConfigProperty', (), (('arn', context.call((undefined(name='expr') if l_0_expr is missing else l_0_expr), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dead_letter'))),))),))
            context.vars['stream'] = l_0_stream
            context.exported_vars.add('stream')
        l_0_params = context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.PipeSourceDynamoDBStreamParametersProperty', (), (undefined(name='stream') if l_0_stream is missing else l_0_stream))
        context.vars['params'] = l_0_params
        context.exported_vars.add('params')
        l_0_source = (('dynamo_db_stream_parameters', (undefined(name='params') if l_0_params is missing else l_0_params)),)
        context.vars['source'] = l_0_source
        context.exported_vars.add('source')
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern'):
        pass
        l_0_filters = context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.FilterCriteriaProperty', (), (('filters', context.call((undefined(name='PyList') if l_0_PyList is missing else l_0_PyList), (context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.FilterProperty', (), (('pattern', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern')),)),))),))
        context.vars['filters'] = l_0_filters
        context.exported_vars.add('filters')
        l_0_source = ((undefined(name='source') if l_0_source is missing else l_0_source) + (('filter_criteria', (undefined(name='filters') if l_0_filters is missing else l_0_filters)),))
        context.vars['source'] = l_0_source
        context.exported_vars.add('source')
    yield 'pipes.CfnPipe(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'role_arn', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'source', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'target', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'target')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'source_parameters', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.PipeSourceParametersProperty', (), (undefined(name='source') if l_0_source is missing else l_0_source))))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'target_parameters', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.PipeTargetParametersProperty', (), (('step_function_state_machine_parameters', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.PipeTargetStateMachineParametersProperty', (), (('invocation_type', 'FIRE_AND_FORGET'),))),))))
    yield '\n)\n'

blocks = {}
debug_info = '1=40&2=42&3=45&5=50&6=53&7=58&8=63&9=68&10=73&11=76&13=79&14=81&15=84&19=88&20=90&21=92&22=94&23=96&24=98&25=100'
